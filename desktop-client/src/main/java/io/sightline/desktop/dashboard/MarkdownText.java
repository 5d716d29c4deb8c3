package io.sightline.desktop.dashboard;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A text widget's Markdown drawn as JavaFX text: headings, paragraphs, emphasis, inline and block code, lists,
 * quotes and links (their address in a tooltip), parsed with commonmark as the shared page does. Raw HTML is never
 * interpreted: it shows as the text it is. Colours and sizes come from the theme's {@code .markdown-*} classes.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownText() {
    }

    static VBox render(String markdown) {
        VBox blocks = new VBox(6);
        blocks.getStyleClass().add("markdown");
        for (Node block = PARSER.parse(markdown == null ? "" : markdown).getFirstChild(); block != null;
             block = block.getNext()) {
            blocks.getChildren().addAll(block(block, ""));
        }
        return blocks;
    }

    /** The drawn lines of one block; {@code prefix} starts its first line (a list bullet). */
    private static List<javafx.scene.Node> block(Node block, String prefix) {
        List<javafx.scene.Node> drawn = new ArrayList<>();
        if (block instanceof Heading heading) {
            drawn.add(flow(block, prefix, "markdown-h" + Math.min(heading.getLevel(), 3)));
        } else if (block instanceof Paragraph) {
            drawn.add(flow(block, prefix, "markdown-p"));
        } else if (block instanceof FencedCodeBlock code) {
            drawn.add(literal(code.getLiteral(), "markdown-code-block"));
        } else if (block instanceof IndentedCodeBlock code) {
            drawn.add(literal(code.getLiteral(), "markdown-code-block"));
        } else if (block instanceof HtmlBlock html) {
            drawn.add(literal(html.getLiteral(), "markdown-p"));
        } else if (block instanceof ThematicBreak) {
            javafx.scene.control.Separator line = new javafx.scene.control.Separator();
            drawn.add(line);
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            int number = block instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
            VBox list = new VBox(2);
            list.getStyleClass().add("markdown-list");
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                String bullet = block instanceof OrderedList ? (number++) + ". " : "\u2022 ";
                list.getChildren().addAll(listItem((ListItem) item, bullet));
            }
            drawn.add(list);
        } else if (block instanceof BlockQuote) {
            VBox quote = new VBox(4);
            quote.getStyleClass().add("markdown-quote");
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                quote.getChildren().addAll(block(child, ""));
            }
            drawn.add(quote);
        }
        return drawn;
    }

    private static List<javafx.scene.Node> listItem(ListItem item, String bullet) {
        List<javafx.scene.Node> drawn = new ArrayList<>();
        String prefix = bullet;
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            drawn.addAll(block(child, prefix));
            prefix = "";
        }
        return drawn;
    }

    private static TextFlow flow(Node block, String prefix, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        if (!prefix.isEmpty()) {
            flow.getChildren().add(text(prefix, List.of()));
        }
        inline(block, flow, List.of());
        return flow;
    }

    private static TextFlow literal(String literal, String styleClass) {
        TextFlow flow = new TextFlow(text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1)
                : literal, List.of("markdown-code")));
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    /** The inline children of {@code parent} into {@code flow}, each styled by the emphasis around it. */
    private static void inline(Node parent, TextFlow flow, List<String> styles) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), styles));
            } else if (node instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(styles, "markdown-code")));
            } else if (node instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), styles));
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (node instanceof Emphasis) {
                inline(node, flow, with(styles, "markdown-em"));
            } else if (node instanceof StrongEmphasis) {
                inline(node, flow, with(styles, "markdown-strong"));
            } else if (node instanceof Link link) {
                int from = flow.getChildren().size();
                inline(node, flow, with(styles, "markdown-link"));
                for (javafx.scene.Node part : flow.getChildren().subList(from, flow.getChildren().size())) {
                    Tooltip.install(part, new Tooltip(link.getDestination()));
                }
            } else if (node instanceof Image image) {
                int from = flow.getChildren().size();
                inline(node, flow, with(styles, "markdown-em"));
                if (flow.getChildren().size() == from) {
                    flow.getChildren().add(text(image.getDestination(), with(styles, "markdown-em")));
                }
            } else {
                inline(node, flow, styles);
            }
        }
    }

    private static Text text(String content, List<String> styles) {
        Text text = new Text(content);
        text.getStyleClass().add("markdown-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String more) {
        List<String> all = new ArrayList<>(styles);
        all.add(more);
        return all;
    }
}
