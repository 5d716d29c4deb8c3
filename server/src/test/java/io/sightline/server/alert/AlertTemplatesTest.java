package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates fill in Redash's names once, escape for HTML, and evaluate nothing. */
class AlertTemplatesTest {

    private static final Map<String, AlertTemplates.Value> CONTEXT = Map.of(
            "ALERT_NAME", AlertTemplates.Value.of("<b>Revenue</b> & co"),
            "QUERY_NAME", AlertTemplates.Value.of("{{ ALERT_NAME }}"),
            "QUERY_RESULT_TABLE", new AlertTemplates.Value("a\tb", "<table><tr><td>&lt;x&gt;</td></tr></table>"));

    @Test
    void replacesNamesWithOrWithoutSpacesAndTripleBraces() {
        assertThat(AlertTemplates.render("{{ALERT_NAME}}|{{  ALERT_NAME }}|{{{ ALERT_NAME }}}", CONTEXT, false))
                .isEqualTo("<b>Revenue</b> & co|<b>Revenue</b> & co|<b>Revenue</b> & co");
    }

    @Test
    void htmlEscapesEveryValueTripleBracesToo() {
        assertThat(AlertTemplates.render("<p>{{ ALERT_NAME }} {{{ ALERT_NAME }}}</p>", CONTEXT, true))
                .isEqualTo("<p>&lt;b&gt;Revenue&lt;/b&gt; &amp; co &lt;b&gt;Revenue&lt;/b&gt; &amp; co</p>");
    }

    @Test
    void aValueIsNeverReadAsATemplate() {
        assertThat(AlertTemplates.render("{{ QUERY_NAME }}", CONTEXT, false)).isEqualTo("{{ ALERT_NAME }}");
    }

    @Test
    void theTableIsMarkupInHtmlAndTextOtherwiseUnknownNamesAreEmpty() {
        assertThat(AlertTemplates.render("{{ QUERY_RESULT_TABLE }}", CONTEXT, true))
                .isEqualTo("<table><tr><td>&lt;x&gt;</td></tr></table>");
        assertThat(AlertTemplates.render("{{ QUERY_RESULT_TABLE }}", CONTEXT, false)).isEqualTo("a\tb");
        assertThat(AlertTemplates.render("[{{ NOT_A_NAME }}] {{#QUERY_RESULT_ROWS}}", CONTEXT, false))
                .isEqualTo("[] {{#QUERY_RESULT_ROWS}}");
        assertThat(AlertTemplates.render("$1 \\ ${x}", CONTEXT, false)).isEqualTo("$1 \\ ${x}");
    }
}
