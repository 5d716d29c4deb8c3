package io.sightline.server.destination;

/** A notification that did not reach its destination; the message is safe to show (no secrets in it). */
public class DeliveryFailure extends Exception {

    public DeliveryFailure(String message) {
        super(message);
    }
}
