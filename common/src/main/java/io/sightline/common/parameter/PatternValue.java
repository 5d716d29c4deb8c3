package io.sightline.common.parameter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text-pattern parameters: the whole value must match the declared regular expression. The author's
 * pattern meets the viewer's text, so a pattern that backtracks without end (such as {@code (a+)+$})
 * is stopped after a fixed amount of work instead of holding a server thread.
 */
final class PatternValue {

    /** Characters the matcher may read: plenty for any sane pattern, far less than a runaway one needs. */
    private static final long BASE_STEPS = 1_000_000;
    private static final long STEPS_PER_CHARACTER = 100;

    private PatternValue() {
    }

    static String matching(String regex, String value) {
        if (regex == null || regex.isEmpty()) {
            throw new InvalidValue("no pattern is declared to check the value against");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidValue(
                    "the declared pattern " + ValueText.quote(regex) + " is not a valid regular expression");
        }
        boolean matches;
        try {
            matches = pattern.matcher(new BoundedText(value)).matches();
        } catch (BoundedText.TooMuchWork | StackOverflowError e) {
            // java.util.regex recurses per repetition: a long value can also exhaust the stack
            throw new InvalidValue("checking " + ValueText.quote(value) + " against the pattern "
                    + ValueText.quote(regex) + " takes too long; the pattern needs simplifying");
        }
        if (!matches) {
            throw new InvalidValue(ValueText.quote(value) + " does not match the pattern " + ValueText.quote(regex));
        }
        return value;
    }

    /** Text that gives up once the matcher has read too many characters from it. */
    private static final class BoundedText implements CharSequence {

        private final String text;
        private long stepsLeft;

        BoundedText(String text) {
            this.text = text;
            this.stepsLeft = BASE_STEPS + STEPS_PER_CHARACTER * text.length();
        }

        @Override
        public char charAt(int index) {
            if (--stepsLeft < 0) {
                throw new TooMuchWork();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class TooMuchWork extends RuntimeException {
            TooMuchWork() {
                super(null, null, false, false);
            }
        }
    }
}
