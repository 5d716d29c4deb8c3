package io.sightline.desktop.editor;

import io.sightline.desktop.editor.SqlHighlighter.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The highlighting of a text kept up to date edit by edit, off the FX thread: it holds its own copy of the
 * text and its tokens, and after an edit re-scans only from the line before the edit until the new tokens
 * fall in step with the old ones again (usually within the edited line). Only that range needs new styles.
 *
 * <p>Not thread-safe: one thread (the highlighting thread) calls it, in the order the edits happened.
 */
final class IncrementalHighlight {

    /** New styles for {@code from .. to} ({@code to} exclusive) of the text after the edit. */
    record Restyle(int from, int to, StyleSpans<Collection<String>> spans) {
    }

    private static final Set<String> STRING_PARTS = Set.of("string", "parameter");

    private final StringBuilder text = new StringBuilder();
    private List<Token> tokens = new ArrayList<>();

    /** Starts over with a whole text. */
    Restyle reset(String all) {
        text.setLength(0);
        text.append(all);
        tokens = new ArrayList<>(SqlHighlighter.tokens(all));
        return restyle(0, all.length());
    }

    /** The text as this highlighting knows it (for tests). */
    String text() {
        return text.toString();
    }

    List<Token> tokens() {
        return tokens;
    }

    /** Replaces {@code removed} characters at {@code position} with {@code inserted}; returns what to restyle. */
    Restyle edit(int position, int removed, String inserted) {
        int delta = inserted.length() - removed;
        text.replace(position, position + removed, inserted);
        String now = text.toString();
        int changeEnd = position + inserted.length();

        // from the start of the line before the edit (a function name may wait for its '(' on the next line)
        int lineStart = position == 0 ? 0 : now.lastIndexOf('\n', position - 1) + 1;
        int restart = lineStart == 0 ? 0 : now.lastIndexOf('\n', lineStart - 2) + 1;
        int keep = SqlHighlighter.firstTokenEndingAfter(tokens, restart);
        if (keep < tokens.size() && tokens.get(keep).start() <= restart) {
            // a comment or string runs across (or a string's part starts at) that line start: scan it again
            // from its beginning
            keep = stepStart(tokens, keep);
            restart = Math.min(restart, tokens.get(keep).start());
        }

        List<Token> fresh = new ArrayList<>();
        int old = keep;
        int at = restart;
        int resyncNew = -1;
        int resyncOld = -1;
        while (at < now.length() && resyncNew < 0) {
            int first = fresh.size();
            int stepStart = at;
            at = SqlHighlighter.next(now, at, fresh);
            if (fresh.size() == first || fresh.get(first).start() != stepStart || stepStart <= changeEnd) {
                continue;
            }
            // a step starting after the edit: if the old scan had a step with the same token there, the rest
            // of the text scans as it did before
            Token token = fresh.get(first);
            int oldStart = token.start() - delta;
            while (old < tokens.size() && tokens.get(old).start() < oldStart) {
                old++;
            }
            // (not on a string's part: one string with parameters inside is one step but several tokens)
            if (old < tokens.size() && !STRING_PARTS.contains(token.style()) && sameShifted(tokens.get(old), token, delta)) {
                resyncNew = first;
                resyncOld = old;
            }
        }

        List<Token> updated = new ArrayList<>(tokens.size() + fresh.size());
        updated.addAll(tokens.subList(0, keep));
        int to;
        if (resyncNew >= 0) {
            updated.addAll(fresh.subList(0, resyncNew));
            for (int t = resyncOld; t < tokens.size(); t++) {
                Token token = tokens.get(t);
                updated.add(delta == 0 ? token : new Token(token.start() + delta, token.end() + delta, token.style()));
            }
            to = fresh.get(resyncNew).start();
        } else {
            updated.addAll(fresh);
            to = now.length();
        }
        tokens = updated;
        return restyle(restart, Math.max(restart, to));
    }

    /** New styles for a range of the current text. */
    Restyle restyle(int from, int to) {
        return new Restyle(from, to, SqlHighlighter.spans(tokens, from, to));
    }

    /**
     * A token where a scan step began, at or before token {@code index}: a string with parameters inside is
     * one step but several touching tokens, so go back to the first of touching string parts.
     */
    private static int stepStart(List<Token> tokens, int index) {
        int k = index;
        while (k > 0 && STRING_PARTS.contains(tokens.get(k).style()) && STRING_PARTS.contains(tokens.get(k - 1).style())
                && tokens.get(k - 1).end() == tokens.get(k).start()) {
            k--;
        }
        return k;
    }

    private static boolean sameShifted(Token old, Token fresh, int delta) {
        return old.start() + delta == fresh.start() && old.end() + delta == fresh.end()
                && old.style().equals(fresh.style());
    }
}
