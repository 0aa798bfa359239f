package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.Role;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Api;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every role walks every page it can reach, in Vietnamese and in English, in a real browser, over data the system
 * itself wrote (warnings, a monitor's incident, logbook reasons, case steps): no link it is offered may fail, and the
 * main content of a page must not show text of the other language, nor raw codes (issue 15: one language). Text in {@code code}, {@code pre} and
 * {@code details} (raw technical detail behind a toggle) and marked {@code .data} (what people typed, names) is left
 * out.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("browser")
class LanguageTourInBrowserTest {

    /** English words that never belong in a Vietnamese page. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|without|with|from|was|were|opened|taken|minutes|min|through|not|has|have|and|is|are|by|of|since|left|down|received|"
                    + "computed|seen|refused|connection|unreachable|timeout|frozen|picture|changed|below|limit|digit|confirmed|online|offline|"
                    + "degraded|out|equipment|channel|monitor|restored|back)\\b", Pattern.CASE_INSENSITIVE);
    /** Vietnamese words that never belong in an English page. */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "(?<![\\p{L}])(của|và|không|được|lúc|đã|chưa|các|với|khi|này|mất kết nối|thông báo|cảnh báo|hồ sơ)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** An enum code shown as it is stored, e.g. SYSTEM_ADMIN or FROZEN_IMAGE. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b");
    private static final int MAX_PAGES = 45;

    enum Language { VI, EN }

    @Autowired
    Fixtures fixtures;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    CameraLogbook logbook;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    final Map<Role, String[]> people = new java.util.EnumMap<>(Role.class);
    ChromeDriver browser;

    @BeforeAll
    void aDayOfData() {
        site = fixtures.site();
        Api feed = new Api(port, fixtures.allScopesToken());
        feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(600).toString(), "plate", "51C-123.45", "containerNumbers", List.of("TEMU2709541")));
        feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(300).toString(), "plate", "51C-678.90", "containerNumbers", List.of("MSKU4670692")));
        Camera g1 = diagram.findCamera(site.taxCode(), "G1").orElseThrow();
        Instant down = Instant.now().minusSeconds(900);
        logbook.recordChange(g1, CameraState.OFFLINE, down, "UNREACHABLE: java.net.ConnectException: Connection refused", "EQUIPMENT");
        transaction.executeWithoutResult(s -> events.publishEvent(new CameraStateChanged(g1.id(), site.taxCode(), "G1",
                CameraState.ONLINE, CameraState.OFFLINE, down, "UNREACHABLE: java.net.ConnectException: Connection refused", "EQUIPMENT")));
        fixtures.awaitEventsHandled();

        for (Role role : List.of(Role.OFFICER, Role.HEAD, Role.UNIT_ADMIN, Role.HQ_ANALYST, Role.SYSTEM_ADMIN, Role.EPE_USER)) {
            String name = switch (role) {
                case HQ_ANALYST -> fixtures.analyst();
                case EPE_USER -> fixtures.user(role, null, site.taxCode());
                case SYSTEM_ADMIN -> fixtures.user(role, null, null);
                default -> fixtures.user(role, site.subDepartment().id(), null);
            };
            people.put(role, new String[] {name, fixtures.enrolTotp(name)});
        }
        Api officer = new Api(port, null).signIn(people.get(Role.OFFICER)[0], Fixtures.PASSWORD, people.get(Role.OFFICER)[1]);
        long warning = officer.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json().get(0).get("id").asLong();
        long caseId = officer.post("/api/v1/cases", Map.of("warningId", warning)).json().get("id").asLong();
        officer.post("/api/v1/cases/" + caseId + "/take", Map.of());
        browser = Browser.start();
    }

    @AfterAll
    void tearDown() {
        browser.quit();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, names = {"OFFICER", "HEAD", "UNIT_ADMIN", "HQ_ANALYST", "SYSTEM_ADMIN", "EPE_USER"})
    @DisplayName("every page a role reaches reads in one language, Vietnamese and then English")
    void everyPageInOneLanguage(Role role) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, people.get(role)[0], Fixtures.PASSWORD, people.get(role)[1]);
        List<String> wrong = new ArrayList<>();
        for (Language language : Language.values()) {
            browser.get("http://localhost:" + port + "/?lang=" + language.name().toLowerCase());
            int pages = walk(language, wrong);
            assertThat(pages).as("%s reached pages in %s", role, language).isGreaterThan(3);
        }
        assertThat(wrong).as("%s: text of the other language, or raw codes", role).isEmpty();
    }

    /** Visits the pages reachable from the start page, breadth first; returns how many. */
    @SuppressWarnings("unchecked")
    private int walk(Language language, List<String> wrong) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Set<String> shapes = new LinkedHashSet<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String path = queue.poll();
            browser.get("http://localhost:" + port + path);
            visited++;
            Map<String, Object> page = (Map<String, Object>) browser.executeScript("""
                    const main = document.querySelector('main');
                    if (!main) { return {text: '', links: [], error: 'no main'}; }
                    const error = main.id === 'error-page' ? main.dataset.status : null;
                    const header = document.querySelector('header.top');
                    const signOut = header ? header.querySelector('form[action$="/logout"] button') : null;
                    const overflow = document.documentElement.scrollWidth > window.innerWidth
                        || (signOut && signOut.getBoundingClientRect().right > window.innerWidth);
                    const copy = main.cloneNode(true);
                    copy.querySelectorAll('code, pre, details, .data, script, style, input, textarea, select').forEach(e => e.remove());
                    const links = Array.from(document.querySelectorAll('header a[href], main a[href]')).map(a => a.getAttribute('href'));
                    return {text: copy.innerText, links: links, error: error, overflow: overflow};""");
            if (Boolean.TRUE.equals(page.get("overflow"))) {
                wrong.add(language + " " + path + ": the page is wider than the 1280 px window, or Sign out is off-screen");
            }
            if (page.get("error") != null) {
                wrong.add(language + " " + path + ": the page failed with " + page.get("error"));
            }
            check(language, path, (String) page.get("text"), wrong);
            System.out.println("tour " + language + " " + path);
            for (String link : (List<String>) page.get("links")) {
                String next = local(link);
                // one page of each shape: /warnings/7 stands for every warning
                if (next != null && seen.add(next) && shapes.add(next.replaceAll("\\d+", "N").replaceAll("\\?.*", ""))) {
                    queue.add(next);
                }
            }
        }
        return visited;
    }

    private void check(Language language, String path, String text, List<String> wrong) {
        Pattern other = language == Language.VI ? ENGLISH : VIETNAMESE;
        for (Pattern pattern : List.of(other, CODE)) {
            Matcher m = pattern.matcher(text);
            int found = 0;
            while (m.find() && found++ < 6) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                wrong.add(language + " " + path + ": «" + text.substring(from, to).replace('\n', ' ') + "»");
            }
        }
    }

    /** A page of this server to visit, or null: downloads, streams, the API, sign-out and other sites are not pages. */
    private String local(String href) {
        if (href == null || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")) {
            return null;
        }
        URI uri = URI.create("http://localhost:" + port + "/").resolve(href.replace(" ", "%20"));
        if (!("localhost".equals(uri.getHost()) && uri.getPort() == port)) {
            return null;
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (path.startsWith("/api/") || path.startsWith("/logout") || path.contains("lang=") || path.startsWith("/swagger")
                || path.startsWith("/v3/") || path.startsWith("/actuator") || path.matches(".*\\.(pdf|docx|xlsx|csv|jpg|jpeg|png|zip|json|mp4)(\\?.*)?$")
                || path.contains("/stream") || path.contains("/live") || path.contains("/download") || path.contains("/export")) {
            return null;
        }
        return path;
    }
}
