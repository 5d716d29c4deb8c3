package io.sightline.common.parameter;

/** Internal signal that a raw value is unusable; the validator adds the parameter's name. */
final class InvalidValue extends RuntimeException {

    InvalidValue(String message) {
        super(message, null, false, false);
    }
}
