package io.tanxin.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's main flow in a real browser (Debian's headless Chromium), against the demo province.
 * Screenshots of every step land in target/screenshots. The browser is required: {@code .ci/run}
 * installs it, and a missing browser fails here with the packages to install.
 */
@IntegrationTest
class ConsoleBrowserTest {

    static final String PASSWORD = "tanxin-demo";
    static final String USCC = "91140300MA0TX20251";

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        assertThat(Browser.available())
                .as("browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
                .isTrue();
    }

    @BeforeEach
    void freshSession() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        browser.open("/login");
        browser.driver().manage().deleteAllCookies();
        browser.size(1366, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void regulatorDrillsDownFromTheProvinceToAnEnterprise() {
        browser.signIn("regulator", PASSWORD);
        assertThat(browser.url()).endsWith("/console/regulator");
        browser.waitForCharts();
        assertThat(browser.text()).contains("试点总览", "演示数据", "覆盖企业", "按地市", "排放最大的企业");
        assertThat(browser.find(By.id("kpi-enterprises")).getText()).isNotEqualTo("0");
        browser.screenshot("regulator-home");

        WebElement city = browser.find(By.cssSelector("#breakdown tbody tr:first-child a"));
        String cityName = city.getText();
        city.click();
        browser.waitUntilUrlContains("city=").waitFor(By.xpath("//h2[contains(., '按行业')]"));
        assertThat(browser.find(By.cssSelector(".crumbs")).getText()).contains("全省", cityName);
        browser.waitForCharts().screenshot("regulator-city");

        browser.click(By.cssSelector("#breakdown tbody tr:first-child a"));
        browser.waitUntilUrlContains("industry=").waitFor(By.id("enterprise-list"));
        browser.waitForCharts().screenshot("regulator-industry");
        assertThat(((Number) browser.script("return document.querySelectorAll('#panel').length")).intValue())
                .as("htmx replaces the panel, it does not nest a second one").isEqualTo(1);

        WebElement enterprise = browser.find(By.cssSelector("#enterprise-list tbody tr:first-child a"));
        String name = enterprise.getText();
        enterprise.click();
        browser.waitFor(By.id("rating"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.text()).contains("碳信用评级", "碳账户", "数据核验发现");
        browser.waitForCharts().screenshot("regulator-enterprise");

        // the drill-down keeps working as plain links when the address is opened directly
        browser.open("/console/regulator?city=999999");
        assertThat(browser.text()).contains("未找到", "UNKNOWN_CITY").doesNotContain("Exception");
    }

    @Test
    void enterpriseGrantsConsentTheBankOpensTheReportAndTheRevocationShutsItOut() {
        browser.signIn("enterprise", PASSWORD);
        assertThat(browser.url()).endsWith("/console/enterprise");
        browser.waitForCharts();
        assertThat(browser.text()).contains("我的碳账户", "碳信用评级", "查询授权", "异议");
        browser.screenshot("enterprise-home");

        // a validity date of its own tells this test's consent from those other tests gave the same bank
        LocalDate until = LocalDate.now().plusDays(60 + new java.util.Random().nextInt(600));
        new Select(browser.find(By.id("consent-institution"))).selectByValue("BANK_A");
        new Select(browser.find(By.id("consent-purpose"))).selectByValue("LOAN_APPROVAL");
        setDate(browser.find(By.id("consent-until")), until);
        browser.click(By.id("consent-submit"));
        assertThat(browser.find(By.id("done")).getText()).contains("已授权", "工商银行");
        WebElement granted = browser.find(By.xpath("//table[@id='consent-list']//tr[td[text()='" + until + "'] and .//button]"));
        String consent = granted.getAttribute("id").replace("consent-", "");
        assertThat(granted.getText()).contains("工商银行", "贷款审批", "有效");
        browser.signOut();

        browser.signIn("bank-a", PASSWORD);
        assertThat(browser.url()).endsWith("/console/bank");
        assertThat(browser.find(By.id("consent-" + consent)).getText()).contains(USCC, until.toString());
        browser.screenshot("bank-home");
        WebElement search = browser.find(By.id("bank-q"));
        search.sendKeys("no such enterprise 无此企业");
        browser.waitFor(By.xpath("//div[@id='results']/p[contains(@class, 'empty')]"));
        search.clear();
        search.sendKeys(USCC);
        browser.waitFor(By.id("report-html-" + consent));
        String html = browser.find(By.id("report-html-" + consent)).getAttribute("href");
        String pdf = browser.find(By.id("report-pdf-" + consent)).getAttribute("href");
        assertThat(pdf).contains("mediaType=pdf");
        browser.driver().get(html);
        assertThat(browser.text()).contains("碳信用报告", "工商银行");
        browser.screenshot("bank-report");
        browser.open("/console/bank");
        assertThat(browser.find(By.cssSelector("#queries table")).getText()).contains(USCC, "贷款审批", "企业授权");
        browser.signOut();

        browser.signIn("enterprise", PASSWORD);
        browser.find(By.cssSelector("#consent-" + consent + " button")).click();
        assertThat(browser.find(By.id("done")).getText()).contains("已撤销");
        assertThat(browser.find(By.id("consent-" + consent)).getText()).contains("已撤销");
        browser.signOut();

        browser.signIn("bank-a", PASSWORD);
        browser.waitFor(By.id("consented"));
        assertThat(browser.driver().findElements(By.id("consent-" + consent))).isEmpty();
    }

    @Test
    void enterpriseObjectsTheAnalystAnswersAndTheReportShowsTheOutcome() {
        String reason = "2024年3月外购电量含园区代付部分，请核实 " + System.nanoTime();
        browser.signIn("enterprise", PASSWORD);
        new Select(browser.find(By.id("objection-type"))).selectByValue("MONTH_FIGURE");
        browser.find(By.id("objection-ref")).sendKeys("2024-03");
        browser.find(By.id("objection-reason")).sendKeys(reason);
        browser.click(By.id("objection-submit"));
        assertThat(browser.find(By.id("done")).getText()).contains("异议已提交", "答复期限");
        WebElement filed = browser.find(By.xpath("//table[@id='objection-list']//tr[td[contains(., '" + reason + "')]]"));
        String id = filed.getAttribute("id").replace("objection-", "");
        assertThat(filed.getText()).contains("已提出");
        browser.signOut();

        browser.signIn("analyst", PASSWORD);
        assertThat(browser.url()).endsWith("/console/analyst");
        WebElement row = browser.find(By.id("objection-" + id));
        assertThat(row.getText()).contains(reason);
        browser.screenshot("analyst-home");
        new Select(row.findElement(By.name("outcome"))).selectByValue("UPHELD");
        row.findElement(By.name("answer")).sendKeys("经核对电网计量数据，原数据无误，维持原信息。");
        row.findElement(By.cssSelector("form.resolve-objection button")).click();
        assertThat(browser.find(By.id("done")).getText()).contains("已答复");
        assertThat(browser.driver().findElements(By.id("objection-" + id))).isEmpty();
        browser.signOut();

        browser.signIn("enterprise", PASSWORD);
        assertThat(browser.find(By.id("objection-" + id)).getText()).contains("已答复", "维持原信息");
        browser.open("/api/v1/enterprises/" + USCC + "/credit-report?mediaType=html&purpose=SELF_INQUIRY");
        assertThat(browser.text()).contains("经核对电网计量数据，原数据无误");
        browser.screenshot("enterprise-report-with-objection");
    }

    @Test
    void providerUploadsAFileAndSeesEveryError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        browser.signIn("provider", PASSWORD);
        assertThat(browser.url()).endsWith("/console/provider");
        assertThat(browser.text()).contains("下载模板", "电网公司");
        Path bad = dir.resolve("坏文件.csv");
        Files.writeString(bad, "统一社会信用代码,月份\n91140300MA0TX20251,2025-13\n");
        new Select(browser.find(By.id("upload-dataset"))).selectByValue("ACTIVITY");
        browser.find(By.id("upload-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.click(By.id("upload-submit"));
        WebElement result = browser.find(By.id("result"));
        assertThat(result.getText()).contains("整体拒收", "未写入任何数据");
        assertThat(browser.find(By.id("result-errors")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        browser.screenshot("provider-rejected");
    }

    @Test
    void parkAdministrationSeesItsOwnEnterprisesOnly() {
        browser.signIn("park", PASSWORD);
        assertThat(browser.url()).endsWith("/console/park");
        browser.waitForCharts();
        assertThat(browser.find(By.tagName("h1")).getText()).contains("园");
        WebElement first = browser.find(By.cssSelector("#enterprise-list tbody tr:first-child a"));
        String name = first.getText();
        browser.screenshot("park-home");
        first.click();
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name);
        browser.open("/console/regulator");
        assertThat(browser.text()).contains("无权访问", "FORBIDDEN");
    }

    @Test
    void theEnglishSwitchIsRememberedAcrossPagesAndSignOut() {
        browser.signIn("regulator", PASSWORD);
        browser.click(By.linkText("English"));
        browser.waitFor(By.xpath("//h1[contains(., 'Pilot overview')]"));
        browser.open("/console/enterprises/" + USCC);
        assertThat(browser.text()).contains("Carbon credit rating", "Carbon account");
        browser.waitForCharts().screenshot("regulator-enterprise-en");
        browser.signOut();
        assertThat(browser.text()).contains("Sign in", "You are signed out");
        browser.click(By.linkText("中文"));
        assertThat(browser.text()).contains("登录");
    }

    @Test
    void theEnterprisePageFitsATablet() {
        browser.size(820, 1180);
        browser.signIn("enterprise", PASSWORD);
        browser.waitForCharts();
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        browser.screenshot("enterprise-tablet");
    }

    private static void setDate(WebElement input, LocalDate date) {
        browser.script("arguments[0].value = arguments[1]", input, date.toString());
    }
}
