package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.epewatch.identity.Role;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R5.9: the outage notice is drafted with its due time, published by customs IT, public, and sent to the enterprises. */
@IntegrationTest
class OutageNoticesTest {

    @Autowired
    OutageNotices notices;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R5.9 a drafted notice is published by customs IT from the status page, shows to everyone and reaches the enterprises")
    void draftPublishSend() {
        long epoch = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        notices.draft(OutageNotices.Kind.OUTAGE, epoch, Instant.now());
        notices.draft(OutageNotices.Kind.OUTAGE, epoch, Instant.now().plusSeconds(60));
        assertThat(jdbc.sql("select count(*) from outage_notice where epoch = ?").param(epoch).query(Long.class).single())
                .as("one notice per change").isEqualTo(1);
        long id = jdbc.sql("select id from outage_notice where epoch = ?").param(epoch).query(Long.class).single();

        Fixtures.Site site = fixtures.site();
        String epe = fixtures.user(Role.EPE_USER, null, site.taxCode());
        String declarant = fixtures.user(Role.DECLARANT, null, site.taxCode());
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String adminName = fixtures.user(Role.SYSTEM_ADMIN, null, null);
        Api admin = new Api(port, null).signIn(adminName, Fixtures.PASSWORD, fixtures.enrolTotp(adminName));
        Api anyone = new Api(port, null);

        String draftPage = admin.get("/status?lang=vi").body();
        assertThat(draftPage).contains("data-notice=\"" + id + "\"", "Thông báo sự cố hệ thống thông quan điện tử", "Phải công bố trước");
        assertThat(anyone.get("/status").body()).as("a draft is not public").doesNotContain("data-notice=\"" + id + "\"")
                .doesNotContain("Hệ thống thông quan điện tử gặp sự cố từ");

        // a blank title is refused beside the field, and nothing is sent
        String csrf = Api.csrfFrom(draftPage);
        Api.Response blank = admin.form("/status/notices/" + id + "/publish", "title=&body=" + encode("Nội dung"), csrf);
        assertThat(blank.body()).contains("class=\"field-error\" data-field=\"title\"");
        assertThat(new Api(port, null).signIn(epe, Fixtures.PASSWORD).get("/api/v1/notifications").body())
                .doesNotContain("Sự cố hệ thống VNACCS");

        Api.Response published = admin.form("/status/notices/" + id + "/publish", "title=" + encode("Sự cố hệ thống VNACCS")
                + "&body=" + encode("Hệ thống gặp sự cố từ 09:15; gửi tờ khai đến hệ thống dự phòng."), csrf);
        assertThat(published.status()).isEqualTo(302);
        String publicPage = anyone.get("/status?lang=vi").body();
        assertThat(publicPage).contains("Sự cố hệ thống VNACCS", "gửi tờ khai đến hệ thống dự phòng", "Công bố lúc");
        assertThat(new Api(port, null).signIn(epe, Fixtures.PASSWORD).get("/api/v1/notifications").body()).contains("Sự cố hệ thống VNACCS");
        assertThat(new Api(port, null).signIn(declarant, Fixtures.PASSWORD).get("/api/v1/notifications").body()).contains("Sự cố hệ thống VNACCS");
        assertThat(new Api(port, null).signIn(officer, Fixtures.PASSWORD).get("/api/v1/notifications").body())
                .as("customs officers are not the enterprises").doesNotContain("Sự cố hệ thống VNACCS");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'OUTAGE_NOTICE_PUBLISHED' and target = ?")
                .param("outage-notice:" + id).query(Long.class).single()).isEqualTo(1);

        assertThatThrownBy(() -> notices.publish(Fixtures.ADMIN, id, "Lần nữa", "Lần nữa")).isInstanceOf(InvalidInputException.class);
        Api asOfficer = new Api(port, null).signIn(officer, Fixtures.PASSWORD);
        assertThat(asOfficer.form("/status/notices/" + id + "/publish", "title=x&body=y", Api.csrfFrom(asOfficer.get("/status").body()))
                .status()).as("an officer publishes nothing").isEqualTo(403);
    }

    @Test
    @DisplayName("R5.9 a primary back before the takeover withdraws the unpublished outage draft; a published one gets its end-of-outage draft")
    void primaryBackBeforeTakeover() {
        long unseen = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        notices.draft(OutageNotices.Kind.OUTAGE, unseen, Instant.now());
        notices.primaryBackBeforeTakeover(unseen, Instant.now());
        assertThat(notices.all()).noneMatch(n -> n.epoch() == unseen);

        long announced = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        notices.draft(OutageNotices.Kind.OUTAGE, announced, Instant.now());
        long id = notices.all().stream().filter(n -> n.epoch() == announced).findFirst().orElseThrow().id();
        notices.publish(Fixtures.ADMIN, id, "Thông báo sự cố", "Hệ thống thông quan điện tử gặp sự cố.");
        notices.primaryBackBeforeTakeover(announced, Instant.now());
        assertThat(notices.all()).filteredOn(n -> n.epoch() == announced)
                .extracting(n -> n.kind() + (n.published() ? " published" : " draft"))
                .containsExactlyInAnyOrder("OUTAGE published", "RESTORED draft");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
