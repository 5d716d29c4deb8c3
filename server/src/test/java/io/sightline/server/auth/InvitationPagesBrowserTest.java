package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.BrowserServerTest;
import io.sightline.server.support.HeadlessChromium;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The invitation and reset pages in a real headless Chromium: an invited user opens their link, chooses a password,
 * signs in with it on the sign-in page; the same link opened again is refused. Leaves screenshots in
 * {@code target/screenshots/}.
 */
class InvitationPagesBrowserTest extends BrowserServerTest {

    @Test
    void invitedUserSetsAPasswordSignsInWithItAndTheLinkWorksOnce() throws Exception {
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode ivy = api().post("/api/users", Map.of("name", "Ivy Invited", "email", email)).json();
        String link = ivy.path("invite_link").asString();

        browser.get(link);
        assertThat(browser.getTitle()).isEqualTo("Welcome to Sightline · Sightline");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ivy Invited");
        HeadlessChromium.screenshot(browser, "invitation-page.png");
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("set")).click();
        wait.until(b -> b.findElement(By.id("message")).getText().contains("at least 6 characters"));
        browser.findElement(By.id("password")).sendKeys("ivy's new password");
        browser.findElement(By.id("set")).click();
        wait.until(b -> b.getTitle().startsWith("Your password is set"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("You can now sign in as " + email + ".");
        HeadlessChromium.screenshot(browser, "invitation-accepted.png");
        assertThat(api().get("/api/users/" + ivy.path("id").asLong()).json().path("is_invitation_pending").asBoolean())
                .isFalse();

        browser.findElement(By.id("sign-in")).click();
        wait.until(b -> b.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("ivy's new password");
        browser.findElement(By.id("sign-in")).click();
        wait.until(b -> b.findElement(By.id("message")).getText().startsWith("Signed in as"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Signed in as Ivy Invited.");

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo(PasswordLinkPageController.INVALID);
        assertThat(browser.findElements(By.id("password"))).isEmpty();
        HeadlessChromium.screenshot(browser, "invitation-used.png");
    }

    @Test
    void resetLinkSetsANewPasswordOnce() throws Exception {
        JsonNode alice = new UserAdminSupport(api()).createUser("Alice", "alice's old password");
        String link = api().post("/api/users/" + alice.path("id").asLong() + "/reset_password", Map.of()).json()
                .path("reset_link").asString();

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.getTitle()).isEqualTo("Reset your password · Sightline");
        browser.findElement(By.id("password")).sendKeys("alice's new password");
        browser.findElement(By.id("set")).click();
        wait.until(b -> b.getTitle().startsWith("Your password is set"));

        browser.get(link);
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo(PasswordLinkPageController.INVALID);
    }
}
