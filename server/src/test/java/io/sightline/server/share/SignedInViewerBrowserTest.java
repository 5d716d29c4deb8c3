package io.sightline.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.share.SignedInFixtures.Mixed;
import io.sightline.server.share.SignedInFixtures.Person;
import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.HeadlessChromium;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in user's dashboard page in a real headless Chromium: opened while signed out, it goes through the
 * sign-in page (a wrong password said in the page) and comes back; the demo scorecard's counter shows what the
 * signed-in API answers; a user who does not reach a widget's data source sees that widget's error, and the other
 * widget's value; a chart's drill-through opens its target's own page with the clicked region. Leaves screenshots
 * in {@code target/screenshots/}.
 */
class SignedInViewerBrowserTest extends BrowserServerTest {

    @BeforeEach
    void signedOut() {
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void signingInOnThePageOpensTheScorecardWithTheApisCounter() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        Person reader = fixtures.person("Scorecard Reader");
        JsonNode scorecard = fixtures.scorecard();
        String address = "/dashboards/" + scorecard.path("id").asLong() + "-" + scorecard.path("slug").asString();

        browser.get("http://127.0.0.1:" + port + address);
        wait.until(b -> b.getCurrentUrl().contains("/login?next="));
        screenshot("signin-page.png");
        signIn(reader.email(), "not the password");
        wait.until(b -> !b.findElement(By.id("message")).getText().startsWith("Signing in"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Wrong email or password");
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        screenshot("signin-wrong-password.png");
        signIn(reader.email(), SignedInFixtures.PASSWORD);
        wait.until(b -> b.getCurrentUrl().endsWith(address));
        long vizWidgets = scorecard.path("widgets").valueStream().filter(w -> w.has("visualization")).count();
        wait.until(b -> b.findElements(By.cssSelector(".widget.viz")).size() == vizWidgets
                && b.findElements(By.cssSelector(".widget.viz[data-state=loading]")).isEmpty());

        assertThat(browser.getTitle()).isEqualTo("Executive scorecard");
        assertThat(browser.findElements(By.cssSelector(".widget.viz[data-state=error]"))).isEmpty();
        long counter = SignedInFixtures.counterOf(scorecard).path("id").asLong();
        JsonNode answer = reader.api().get("/api/dashboards/" + scorecard.path("id").asLong() + "/widgets/" + counter
                + "/results").json();
        assertThat(box(counter).findElement(By.cssSelector(".counter .value")).getText()).isNotBlank()
                .isEqualTo(answer.path("counter").path("text").asString());
        assertThat(browser.findElements(By.cssSelector("[contenteditable], .edit, button.edit"))).isEmpty();
        screenshot("signed-in-scorecard.png");
    }

    @Test
    void aUserWhoDoesNotReachAWidgetsDataSourceSeesItsErrorAndTheRest() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        Person reaching = fixtures.person("Reaching Viewer");
        Person other = fixtures.person("Other Viewer");
        Mixed mixed = fixtures.mixed(reaching);
        String address = "/dashboards/" + mixed.id() + "-" + mixed.slug();

        open(address, other);
        screenshot("signed-in-restricted-widget.png");
        assertThat(box(mixed.privateCounter()).getDomAttribute("data-state")).isEqualTo("error");
        assertThat(box(mixed.privateCounter()).getText()).contains("You do not have access").doesNotContain("4");
        assertThat(box(mixed.demoCounter()).findElement(By.cssSelector(".counter .value")).getText()).isNotBlank();

        browser.manage().deleteAllCookies();
        open(address, reaching);
        assertThat(box(mixed.privateCounter()).findElement(By.cssSelector(".counter .value")).getText())
                .contains("4").contains("242");
    }

    @Test
    void aBarOpensTheDetailDashboardsOwnPageWithItsRegion() throws Exception {
        SignedInFixtures fixtures = new SignedInFixtures(api());
        Person reader = fixtures.person("Drilling Reader");
        JsonNode byRegion = fixtures.dashboard("Revenue by region");
        JsonNode detail = fixtures.dashboard("Region detail");
        String detailPage = "/dashboards/" + detail.path("id").asLong() + "-" + detail.path("slug").asString();
        JsonNode chart = byRegion.path("widgets").valueStream()
                .filter(w -> w.path("visualization").path("name").asString().equals("Revenue by region"))
                .findFirst().orElseThrow();
        JsonNode seen = reader.api().get("/api/dashboards/" + byRegion.path("id").asLong() + "/view").json();
        assertThat(seen.path("widgets").valueStream().filter(w -> w.path("id").asLong() == chart.path("id").asLong())
                .findFirst().orElseThrow().path("visualization").path("options").path("sightline")
                .path("drillthrough").path("url").asString()).isEqualTo(detailPage);

        browser.get("http://127.0.0.1:" + port + "/dashboards/" + byRegion.path("id").asLong());
        wait.until(b -> b.getCurrentUrl().contains("/login?next="));
        signIn(reader.email(), SignedInFixtures.PASSWORD);
        wait.until(b -> "ready".equals(box(chart.path("id").asLong()).getDomAttribute("data-state")));
        WebElement chartBox = box(chart.path("id").asLong()).findElement(By.cssSelector(".chart"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var data = c.getOption().series[0].data;"
                        + " var p = data.filter(function (d) { return d[0] === 'APAC'; })[0];"
                        + " return c.convertToPixel({seriesIndex: 0}, ['APAC', p[1] / 2]);", chartBox);
        var size = chartBox.getSize();
        new Actions(browser).moveToElement(chartBox, at.get(0).intValue() - size.getWidth() / 2,
                at.get(1).intValue() - size.getHeight() / 2).click().perform();

        wait.until(b -> b.getCurrentUrl().contains(detailPage));
        assertThat(browser.getCurrentUrl()).contains("p_region=APAC");
        wait.until(b -> b.getTitle().equals("Region detail")
                && b.findElements(By.cssSelector(".widget.viz[data-state=ready]")).size() == 1);
        assertThat(new Select(browser.findElement(By.cssSelector("[data-parameter=region] select")))
                .getFirstSelectedOption().getText()).isEqualTo("APAC");
        long topProducts = Long.parseLong(browser.findElement(By.cssSelector(".widget.viz"))
                .getDomAttribute("data-widget-id"));
        JsonNode expected = reader.api().get("/api/dashboards/" + detail.path("id").asLong() + "/widgets/"
                + topProducts + "/results?p_region=APAC").json();
        String firstProduct = expected.path("rows").get(0).path("product").asString();
        assertThat(firstProduct).isNotBlank();
        assertThat(browser.findElement(By.cssSelector(".widget.viz")).getText()).as("APAC's products")
                .contains(firstProduct);
    }

    /** Opens the page signed out, signs in on the way, and waits until every widget has drawn or failed. */
    private void open(String address, Person person) {
        browser.get("http://127.0.0.1:" + port + address);
        wait.until(b -> b.getCurrentUrl().contains("/login?next="));
        signIn(person.email(), SignedInFixtures.PASSWORD);
        wait.until(b -> b.getCurrentUrl().endsWith(address));
        wait.until(b -> b.findElements(By.cssSelector(".widget")).size() == 2
                && b.findElements(By.cssSelector(".widget[data-state=loading]")).isEmpty());
    }

    private void signIn(String email, String password) {
        WebElement field = browser.findElement(By.id("email"));
        field.clear();
        field.sendKeys(email);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private WebElement box(long widget) {
        return browser.findElement(By.cssSelector(".widget[data-widget-id='" + widget + "']"));
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
