package io.sightline.common.parameter;

import java.util.Optional;

/** Whether a tag fits its parameter: ranges need {@code .start} / {@code .end}, other types none. */
final class TagUsage {

    private TagUsage() {
    }

    static Optional<ParameterProblem> check(ParameterDeclaration declaration, MustacheTags.Tag tag) {
        String name = declaration.name();
        String member = tag.member();
        String message = null;
        if (declaration.type().isRange() && member == null) {
            message = "is a range: use {{ " + name + ".start }} and {{ " + name + ".end }} in the query";
        } else if (declaration.type().isRange() && !member.equals("start") && !member.equals("end")) {
            message = "a range has only .start and .end, not ." + member;
        } else if (!declaration.type().isRange() && member != null) {
            message = "is not a range: use {{ " + name + " }} instead of {{ " + name + "." + member + " }}";
        }
        return Optional.ofNullable(message).map(text -> new ParameterProblem(name, text));
    }
}
