package io.kith.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.Browser;
import io.kith.testing.KithExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ABC Ltd walkthrough of issue 7 in a real headless Chromium, as a new staff member works
 * through a day. Screenshots of every step go to {@code engine/target/walkthrough/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbcWalkthroughBrowserTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = Browser.open(kith.server().baseUrl(), Path.of("target", "walkthrough"));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aNewStaffMemberWorksThroughTheDay() {
    kith.server().userWithToken("wong.staff", "staff");

    // 1. Sign in as the new staff member.
    browser.go("/login?lang=zh-Hant");
    browser.type("#login", "wong.staff").type("#password", "password-of-wong.staff");
    browser.screenshot("sign-in");
    browser.click("form.login button[type=submit]");
    browser.waitFor(".account .me");
    assertThat(browser.text(".account .me")).isEqualTo("wong.staff");
    browser.screenshot("signed-in");
  }
}
