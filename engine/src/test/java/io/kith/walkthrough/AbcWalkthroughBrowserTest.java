package io.kith.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.Browser;
import io.kith.testing.KithExtension;
import io.kith.testing.KithServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The ABC Ltd walkthrough of issue 7 (the CRM course's day at 亞必思有限公司) in a real headless
 * Chromium, as a new staff member works through it in 繁體中文: every step through the pages, with
 * the page's own scripts (autocomplete, repeatable rows, tabs). A screenshot of every step goes to
 * {@code engine/target/walkthrough/} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbcWalkthroughBrowserTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final Path SCREENSHOTS = Path.of("target", "walkthrough");

  private Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = Browser.open(kith.server().baseUrl(), SCREENSHOTS);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aNewStaffMemberWorksThroughTheDay() throws IOException {
    // The organizations already in the company's records (圖二十二(B)).
    for (String name : List.of("ECFix", "Fullness", "亞必思有限公司", "HKSAR")) {
      assertThat(kith.api().post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"" + name
          + "\"}").status()).isEqualTo(201);
    }
    administratorSetsTheTheme();
    kith.server().userWithToken("wong.staff", "staff");

    // 1. Sign in as the new staff member.
    signIn("wong.staff", "password-of-wong.staff");
    assertThat(browser.text(".account .me")).isEqualTo("wong.staff");
    assertThat(browser.find(".top").getCssValue("background-color")).isEqualTo("rgba(128, 0, 0, 1)");
    browser.screenshot("signed-in-with-the-theme");

    // 2. Quick-add 陳大文 with his email from the box on every page.
    browser.click(".top .quick-add summary");
    browser.type("#quick-add-first_name", "大文").type("#quick-add-last_name", "陳").type("#quick-add-email", "enquiry@crm.com");
    browser.screenshot("quick-add");
    browser.click(".top .quick-add-form button[type=submit]");
    browser.waitForText("h1", "大文 陳");
    String chan = browser.path().replaceAll("[?#].*", "");
    assertThat(chan).matches("/app/contact/\\d+");
    assertThat(browser.text("section.collection")).contains("enquiry@crm.com");
    browser.screenshot("quick-added");

    // 3. The full form: a second phone, an address and communication preferences.
    browser.click("a.button.primary[href$='/edit']");
    browser.type("#f-phones-0--phone", "2345 6781");
    browser.select("#f-phones-0--phone_type", "固網電話");
    browser.click("fieldset.collection[data-name=phones] button.add-row");
    browser.type("#f-phones-1--phone", "9123 4567");
    browser.select("#f-phones-1--phone_type", "手提電話");
    browser.type("#f-addresses-0--street_address", "彌敦道 123 號");
    browser.type("#f-addresses-0--city", "九龍");
    browser.type("#f-addresses-0--country", "香港");
    Select methods = new Select(browser.find("#f-preferred_communication_methods"));
    methods.selectByVisibleText("電話");
    methods.selectByVisibleText("電郵");
    browser.select("#f-email_format", "HTML 及純文字");
    browser.click("#f-do_not_sms");
    browser.screenshot("full-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "大文 陳");
    assertThat(browser.path()).isEqualTo(chan);
    String page = browser.text("main");
    assertThat(page).contains("2345 6781", "9123 4567", "彌敦道 123 號", "九龍", "電話, 電郵", "HTML 及純文字");
    browser.screenshot("full-form-saved");

    // 4. A Phone Call activity with 陳大文 at ABC Ltd, status Scheduled, from his page's activities tab.
    browser.click("[role=tab][data-tab=activity-target_contacts]");
    browser.click("#panel-activity-target_contacts a.add-related");
    assertThat(browser.text(".reference.multiple[data-name=target_contacts] .chips")).contains("大文 陳");
    browser.select("#f-activity_type", "電話");
    browser.type("#f-subject", "Phone Call");
    browser.setValue("#f-activity_date_time", "2009-11-17T20:00");
    browser.type("#f-location", "ABC Ltd");
    assertThat(new Select(browser.find("#f-status")).getFirstSelectedOption().getText()).isEqualTo("已安排");
    browser.type("#f-details", "新客戶來電，商談初次合作事宜。");
    browser.screenshot("activity-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "Phone Call");
    assertThat(browser.text("dl.fields")).contains("電話", "ABC Ltd", "已安排", "大文 陳", "2009-11-17 20:00");
    browser.screenshot("activity-saved");

    // 5. Find him by typing 陳 in the search box.
    browser.type(".top .quick-search input[name=q]", "陳");
    browser.click(".top .quick-search button");
    WebElement hit = browser.waitFor(".quick-search-hits a[href='" + chan + "']");
    assertThat(hit.getText()).isEqualTo("大文 陳");
    browser.screenshot("found-by-陳");

    // 6. Membership type 普通會員 of 亞必思有限公司, then his membership with its computed end date.
    browser.go("/app/membership_type/new");
    browser.type("#f-name", "普通會員");
    browser.pick("#f-member_of_organization", "亞必思", "亞必思有限公司");
    browser.type("#f-minimum_fee", "0");
    browser.type("#f-duration_interval", "1");
    browser.select("#f-duration_unit", "年");
    browser.select("#f-period_type", "滾動");
    browser.screenshot("membership-type-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "普通會員");
    assertThat(browser.text("dl.fields")).contains("亞必思有限公司");
    browser.screenshot("membership-type-saved");
    browser.go(chan);
    browser.click("[role=tab][data-tab=membership-contact]");
    browser.click("#panel-membership-contact a.add-related");
    assertThat(browser.find("#f-contact").getAttribute("value")).isEqualTo("大文 陳");
    browser.pick("#f-membership_type", "普通", "普通會員");
    browser.setValue("#f-join_date", "2009-11-17").setValue("#f-start_date", "2009-11-17");
    browser.screenshot("membership-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitFor("dl.fields");
    // Rolling, one year from 2009-11-17; long past, so the status rules make it expired.
    assertThat(browser.text("dl.fields")).contains("普通會員", "大文 陳", "2009-11-17", "2010-11-16", "已過期");
    browser.screenshot("membership-saved-with-its-end-date");

    // 7. Relationship 客戶 / 供應商 to 亞必思有限公司, from his page's relationships tab.
    browser.go(chan);
    browser.click("[role=tab][data-tab=relationship]");
    browser.click("#panel-relationship a.add-related");
    assertThat(browser.find("#f-contact_a").getAttribute("value")).isEqualTo("大文 陳");
    new Select(browser.find("#f-relationship_type")).selectByValue("customer_of");
    browser.pick("#f-contact_b", "亞必思", "亞必思有限公司");
    browser.setValue("#f-start_date", "2009-11-17");
    browser.screenshot("relationship-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitFor("dl.fields");
    assertThat(browser.text("dl.fields")).contains("客戶 / 供應商", "大文 陳", "亞必思有限公司");
    browser.screenshot("relationship-saved");

    // 8. Group 年青客戶, and add him to it on his full form.
    browser.go("/app/group/new");
    browser.type("#f-title", "年青客戶");
    browser.type("#f-description", "公司有意建立的年青客戶市場。");
    browser.screenshot("group-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "年青客戶");
    browser.go(chan + "/edit");
    browser.pick("#f-groups", "年青", "年青客戶");
    browser.screenshot("add-him-to-the-group");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "大文 陳");
    assertThat(browser.text("dl.fields")).contains("年青客戶");
    browser.screenshot("in-the-group");

    // 9. Organization Ask Me Ltd.
    browser.click(".top .menu a[href='/app/contact']");
    browser.click(".page-head a.button.primary[href='/app/contact/new']");
    browser.click("a[href='/app/contact/new?subtype=organization']");
    browser.type("#f-organization_name", "Ask Me Ltd");
    browser.type("#f-emails-0--email", "info@askme.example.org");
    browser.screenshot("organization-form");
    browser.click("form.record-form button[type=submit].primary");
    browser.waitForText("h1", "Ask Me Ltd");
    assertThat(browser.text("h1")).contains("機構");
    browser.screenshot("organization-saved");

    // 10. Import a small contacts CSV through the wizard.
    Path csv = Files.createTempFile("crm_customerlist", ".csv");
    Files.writeString(csv, String.join("\n", "名字,姓氏,電郵", "小文,陳,siu.man@crm.example.com",
        "美玲,李,mei.ling@crm.example.com", ""), StandardCharsets.UTF_8);
    browser.go("/app/imports");
    browser.find("#import-file").sendKeys(csv.toAbsolutePath().toString());
    new Select(browser.find("#import-target")).selectByValue("contact:individual");
    browser.screenshot("import-file");
    browser.click("form.import-start button[type=submit]");
    browser.waitForText("[data-count=create]", "2");
    browser.screenshot("import-preview");
    browser.click("form.import-mapping button[value=start]");
    browser.waitForText(".import-job .status", "已完成");
    assertThat(browser.text("[data-field=created]")).isEqualTo("2");
    browser.screenshot("import-finished");
    Files.delete(csv);
    browser.type(".top .quick-search input[name=q]", "美玲");
    browser.click(".top .quick-search button");
    assertThat(browser.waitFor(".quick-search-hits a").getText()).isEqualTo("美玲 李");

    // 11. Everything shows on his page, in 繁體中文.
    browser.go(chan + "?lang=zh-Hant");
    browser.waitForText("h1", "大文 陳");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-Hant");
    String summary = browser.text("dl.fields");
    assertThat(summary).contains("名字", "大文", "姓氏", "陳", "首選聯絡方式", "電話, 電郵");
    List<String> collections = browser.all("section.collection").stream().map(WebElement::getText).toList();
    assertThat(String.join("\n", collections)).contains("電郵地址", "enquiry@crm.com", "電話號碼", "2345 6781", "9123 4567",
        "地址", "彌敦道 123 號");
    assertThat(summary).contains("群組", "年青客戶", "電郵稱呼", "Dear 大文", "收件人");
    browser.click("[role=tab][data-tab=activity-target_contacts]");
    assertThat(browser.text("#panel-activity-target_contacts")).contains("活動 (相關聯絡人) (1)", "Phone Call");
    assertThat(browser.all("#panel-activity-source_contact").get(0).isDisplayed()).isFalse();
    browser.click("[role=tab][data-tab=membership-contact]");
    assertThat(browser.text("#panel-membership-contact")).contains("(1)");
    browser.click("[role=tab][data-tab=relationship]");
    assertThat(browser.text("#panel-relationship .related-records")).isEqualTo("客戶 亞必思有限公司");
    browser.screenshot("his-page-in-traditional-chinese");
  }

  /** Section 2.1 of the course: the administrator sets the colours of every page (圖六 to 圖八). */
  private void administratorSetsTheTheme() {
    signIn("admin", KithServer.ADMIN_PASSWORD);
    browser.click(".account a.theme-link");
    browser.setValue("#theme-background", "#fff8e1").setValue("#theme-header", "#800000").setValue("#theme-text", "#202020");
    browser.screenshot("theme-settings");
    browser.click("form.theme-form button[type=submit]");
    browser.waitFor(".theme-saved");
    browser.click("form.sign-out button");
    browser.waitFor("form.login");
  }

  private void signIn(String login, String password) {
    browser.go("/login?lang=zh-Hant");
    browser.type("#login", login).type("#password", password);
    browser.screenshot("sign-in-" + login);
    browser.click("form.login button[type=submit]");
    browser.waitFor(".account .me");
  }
}
