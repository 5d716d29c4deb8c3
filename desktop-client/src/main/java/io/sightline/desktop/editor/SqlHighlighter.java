package io.sightline.desktop.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Splits SQL into styled tokens: keywords, functions, strings, quoted names, numbers, comments, brackets
 * and Mustache parameters ({@code {{ name }}}). A single pass over the text with no regular expressions, so
 * a 5,000-line script takes a few milliseconds; it runs off the FX thread.
 */
public final class SqlHighlighter {

    /** A styled part of the text, {@code end} exclusive; plain text has no token. */
    public record Token(int start, int end, String style) {
    }

    private SqlHighlighter() {
    }

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            i = next(text, i, tokens);
        }
        return tokens;
    }

    /**
     * One step of the scan: the token (or plain character or word) at {@code i}, added to {@code tokens} if
     * styled (a string with parameters inside adds several). Returns where the next step starts. A step
     * depends only on the text from {@code i - 1} on, which is what lets {@link IncrementalHighlight}
     * re-scan from the middle of a text.
     */
    static int next(String text, int i, List<Token> tokens) {
        int length = text.length();
        char c = text.charAt(i);
        int end;
        String style;
        if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
            end = lineEnd(text, i);
            style = "comment";
        } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
            int close = text.indexOf("*/", i + 2);
            end = close < 0 ? length : close + 2;
            style = "comment";
        } else if (c == '{' && i + 1 < length && text.charAt(i + 1) == '{') {
            int close = text.indexOf("}}", i + 2);
            int newline = lineEnd(text, i);
            if (close < 0 || close > newline) {
                end = i + 2;
                style = "bracket";
            } else {
                end = close + 2;
                if (end < length && text.charAt(end) == '}') {
                    end++;
                }
                style = "parameter";
            }
        } else if (c == '\'') {
            end = quoted(text, i, '\'');
            addString(text, i, end, tokens); // '{{ start }}' is the usual way to write a parameter
            return end;
        } else if (c == '"' || c == '`') {
            end = quoted(text, i, c);
            style = "quoted-name";
        } else if (Character.isDigit(c) && (i == 0 || !isWordPart(text.charAt(i - 1)))) {
            end = i + 1;
            while (end < length && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            style = "number";
        } else if (isWordStart(c)) {
            end = i + 1;
            while (end < length && isWordPart(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            style = SqlKeywords.isKeyword(word) ? "keyword"
                    : SqlKeywords.isFunction(word) && nextNonSpace(text, end) == '(' ? "function" : null;
        } else if (c == '(' || c == ')' || c == '[' || c == ']') {
            end = i + 1;
            style = "bracket";
        } else if (c == ';') {
            end = i + 1;
            style = "semicolon";
        } else {
            end = i + 1;
            style = null;
        }
        if (style != null) {
            tokens.add(new Token(i, end, style));
        }
        return end;
    }

    /** Spans for {@code from .. to} of the text the tokens came from. */
    public static StyleSpans<Collection<String>> spans(List<Token> tokens, int from, int to) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = from;
        int first = firstTokenEndingAfter(tokens, from);
        for (int t = first; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.start() >= to) {
                break;
            }
            int start = Math.max(token.start(), from);
            int end = Math.min(token.end(), to);
            if (start > at) {
                spans.add(Collections.emptyList(), start - at);
            }
            spans.add(Collections.singletonList(token.style()), end - start);
            at = end;
        }
        spans.add(Collections.emptyList(), Math.max(0, to - at));
        return spans.create();
    }

    /** A string literal, with the parameter tags inside it styled as parameters. */
    private static void addString(String text, int start, int end, List<Token> tokens) {
        int at = start;
        int open = text.indexOf("{{", start);
        while (open >= 0 && open < end) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0 || close + 2 > end) {
                break;
            }
            int tagEnd = close + 2 < end && text.charAt(close + 2) == '}' ? close + 3 : close + 2;
            if (open > at) {
                tokens.add(new Token(at, open, "string"));
            }
            tokens.add(new Token(open, tagEnd, "parameter"));
            at = tagEnd;
            open = text.indexOf("{{", at);
        }
        if (end > at) {
            tokens.add(new Token(at, end, "string"));
        }
    }

    static int firstTokenEndingAfter(List<Token> tokens, int position) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).end() <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int quoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
