package io.sightline.desktop.editor;

/** Text edits of the editor that need no window: comment toggling and bracket matching. */
public final class EditActions {

    /** The text of a whole-lines region after toggling, and how much its length changed. */
    public record Edit(int from, int to, String replacement) {
    }

    private EditActions() {
    }

    /**
     * Comments out the lines touching {@code selectionStart .. selectionEnd} with {@code -- }, or removes the
     * comment markers when every non-blank one of them is already commented.
     */
    public static Edit toggleComment(String text, int selectionStart, int selectionEnd) {
        int from = text.lastIndexOf('\n', Math.max(0, selectionStart - 1)) + 1;
        if (selectionStart == 0) {
            from = 0;
        }
        int lastPosition = selectionEnd > selectionStart && text.charAt(selectionEnd - 1) == '\n'
                ? selectionEnd - 1 : selectionEnd;
        int to = text.indexOf('\n', lastPosition);
        to = to < 0 ? text.length() : to;
        String[] lines = text.substring(from, to).split("\n", -1);
        boolean allCommented = true;
        for (String line : lines) {
            if (!line.isBlank() && !line.stripLeading().startsWith("--")) {
                allCommented = false;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (line.isBlank()) {
                out.append(line);
            } else if (allCommented) {
                int marker = line.indexOf("--");
                int after = marker + 2 < line.length() && line.charAt(marker + 2) == ' ' ? marker + 3 : marker + 2;
                out.append(line, 0, marker).append(line.substring(after));
            } else {
                out.append("-- ").append(line);
            }
        }
        return new Edit(from, to, out.toString());
    }

    /** The position of the bracket matching the one at {@code position}, or -1. */
    public static int matchingBracket(String text, int position) {
        if (position < 0 || position >= text.length()) {
            return -1;
        }
        char c = text.charAt(position);
        String open = "([{";
        String close = ")]}";
        int kind = open.indexOf(c);
        int step = 1;
        if (kind < 0) {
            kind = close.indexOf(c);
            step = -1;
            if (kind < 0) {
                return -1;
            }
        }
        char self = c;
        char other = step == 1 ? close.charAt(kind) : open.charAt(kind);
        int depth = 0;
        for (int i = position; i >= 0 && i < text.length(); i += step) {
            char at = text.charAt(i);
            if (at == self) {
                depth++;
            } else if (at == other && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
