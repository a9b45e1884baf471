package dev.tandem.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.program.Program;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intake tests share: programs and partners built through the real services, links and
 * codes stored as the tracking module stores them, click ids signed as the redirect signs them,
 * and events sent through the API on times fixed by the test (attribution measures every window
 * from the event's {@code occurredAt}, so no clock needs fixing).
 */
abstract class IntakeBaseTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final List<String> TABLES = List.of("conversion_event", "customer", "referral", "referral_status_change",
            "touchpoint");

    @Autowired
    ProgramFixtures programs;

    @Autowired
    ClickIds clickIds;

    @Autowired
    dev.tandem.tracking.Links links;

    /** A link of the partner: its id and slug. */
    record TestLink(LinkId id, String slug) {
    }

    TestLink link(ProgramFixtures.Setup s, ProgramFixtures.Member m) {
        return link(s.workspace(), s.program(), m);
    }

    TestLink link(WorkspaceId workspace, Program program, ProgramFixtures.Member m) {
        LinkId id = new LinkId(Ids.newId());
        String slug = m.partner().name().toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString()
                .substring(0, 6);
        jdbc.sql("insert into link (workspace_id, id, program_id, partner_id, slug, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), id.value(), program.id().value(), m.partner().id().value(), slug,
                        Timestamp.from(T0.minusSeconds(86_400 * 90)))
                .update();
        return new TestLink(id, slug);
    }

    /** The partner's own referral code, as the tracking module gives every approved partner. */
    String referralCode(ProgramFixtures.Setup s, ProgramFixtures.Member m) {
        return links.referralCode(s.workspace(), s.program().id(), m.partner().id()).code();
    }

    /** A coupon code of the business mapped to the partner; disabled when asked. */
    String coupon(ProgramFixtures.Setup s, ProgramFixtures.Member m, boolean disabled) {
        String code = "SAVE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        jdbc.sql("insert into referral_code (workspace_id, id, program_id, partner_id, code, kind, disabled_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.workspace().value(), Ids.newId(), s.program().id().value(), m.partner().id().value(), code,
                        "coupon", disabled ? Timestamp.from(T0) : null, Timestamp.from(T0.minusSeconds(86_400 * 90)))
                .update();
        return code;
    }

    String click(ProgramFixtures.Setup s, TestLink link, Instant at) {
        return clickIds.issue(s.workspace(), link.id(), at);
    }

    ApiClient.Answer send(ProgramFixtures.Setup s, Map<String, Object> event) {
        return eventsApi(s.tenant().apiKey()).post("/api/v1/events", JSON.writeValueAsString(event));
    }

    /** Where POST /api/v1/events goes: Tomcat; ListenerEventApiTest sends it to the Netty listener instead. */
    ApiClient eventsApi(String key) {
        return api(key);
    }

    /** Sends and expects it stored (201); answers the answer. */
    JsonNode stored(ProgramFixtures.Setup s, Map<String, Object> event) {
        ApiClient.Answer answer = send(s, event);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    JsonNode get(ProgramFixtures.Setup s, String path) {
        ApiClient.Answer answer = api(s.tenant().apiKey()).get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** An event body: pairs of field and value; nulls are left out. */
    static Map<String, Object> event(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    static Map<String, Object> customer(String externalId, String email) {
        return event("externalId", externalId, "email", email);
    }

    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String at(Instant t0, long days) {
        return t0.plusSeconds(days * 86_400).toString();
    }

    /** How many rows each table of the intake holds for the workspace. */
    Map<String, Long> counts(WorkspaceId workspace) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table + " where workspace_id = ?")
                    .param(workspace.value()).query(Long.class).single());
        }
        return counts;
    }

    static List<String> touches(JsonNode event, String field) {
        return event.get("attribution").get("touchpoints").valueStream().map(t -> t.get(field).asString()).toList();
    }
}
