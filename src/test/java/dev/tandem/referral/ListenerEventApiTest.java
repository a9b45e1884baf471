package dev.tandem.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.web.RedirectListener;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link EventApiTest}, with POST /api/v1/events sent to the Netty listener
 * (tandem.redirect.port) instead of Tomcat; and what a client sees from both, compared byte for byte:
 * refused keys, bad bodies, the intake's errors, Idempotency-Key retries across both doors.
 */
class ListenerEventApiTest extends EventApiTest {

    /** Headers that differ between any two servers and say nothing about the answer. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("date", "content-length", "connection", "keep-alive",
            "transfer-encoding");

    @Autowired
    RedirectListener listener;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    ApiClient eventsApi(String key) {
        return api(key, listener.port());
    }

    record Seen(int status, Map<String, List<String>> headers, String body) {
    }

    /** A POST /api/v1/events as it is sent; null key, content type or body: not sent. */
    private Seen post(int to, String key, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + to + "/api/v1/events"))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> seen = new TreeMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!TRANSPORT_HEADERS.contains(name.toLowerCase())) {
                    seen.put(name.toLowerCase(), values);
                }
            });
            return new Seen(response.statusCode(), seen, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the same request to Tomcat and to the listener: both answers, the listener's checked equal to Tomcat's. */
    private Seen sameFromBoth(int status, String key, String contentType, String body, String... headers) {
        Seen tomcat = post(port, key, contentType, body, headers);
        Seen fast = post(listener.port(), key, contentType, body, headers);
        assertThat(tomcat.status()).as(tomcat.body()).isEqualTo(status);
        assertThat(fast).isEqualTo(tomcat);
        return fast;
    }

    private static String sale(String id, Object amount) {
        return JSON.writeValueAsString(event("id", id, "type", "sale", "amount", amount, "currency", "EUR",
                "customer", customer("c-" + id, null)));
    }

    @Test
    void refusedKeysAreAnsweredAsTomcatAnswersThem() {
        ProgramFixtures.Setup s = programs.program("Doors");
        String reader = apiKeys.create(accounts.loadUserByUsername(s.tenant().ownerEmail()), "reader",
                Set.of("read")).secret();
        Fixtures.Tenant gone = fixtures.tenant("Revoked");
        apiKeys.revoke(accounts.loadUserByUsername(gone.ownerEmail()),
                apiKeys.list(gone.ids().workspaceId()).get(0).id());
        String body = sale("door-1", 100);

        Seen none = sameFromBoth(401, null, "application/json", body);
        assertThat(none.headers()).containsEntry("www-authenticate", List.of("Bearer"));
        assertThat(none.body()).contains("\"status\":401");
        sameFromBoth(401, "tnd_sk_not-a-key", "application/json", body);
        sameFromBoth(401, gone.apiKey(), "application/json", body);
        Seen readOnly = sameFromBoth(403, reader, "application/json", body);
        assertThat(readOnly.headers().get("content-type").get(0)).startsWith("application/problem+json");
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 0L);
    }

    @Test
    void badBodiesAndTheIntakesErrorsAreAnsweredAsTomcatAnswersThem() {
        ProgramFixtures.Setup s = programs.program("Bodies");
        String key = s.tenant().apiKey();

        Seen malformed = sameFromBoth(400, key, "application/json", "{\"id\": \"x\", ");
        assertThat(malformed.body()).contains("malformed-request");
        sameFromBoth(400, key, "application/json", "[1, 2]");
        sameFromBoth(400, key, "application/json", "");
        sameFromBoth(400, key, "application/json", "{\"id\": {\"nested\": true}}");
        // typed like every API problem (Spring 7 leaves the type of its own problems empty)
        assertThat(sameFromBoth(415, key, "text/plain", sale("plain", 100)).body())
                .contains("\"type\":\"https://tandem.dev/problems/415\"");
        sameFromBoth(415, key, null, sale("untyped", 100));
        Seen invalid = sameFromBoth(422, key, "application/json", "{\"id\": \"bad\", \"type\": \"sale\","
                + " \"occurredAt\": \"yesterday\", \"amount\": 12.5, \"currency\": \"EUR\"}");
        assertThat(invalid.body()).contains("occurredAt", "amount");
        sameFromBoth(422, key, "application/json; charset=utf-8", sale("free", 0));

        // 201 on the first door, then the same id with another body on each: both 409, the same words
        assertThat(post(listener.port(), key, "application/json", sale("taken", 100)).status()).isEqualTo(201);
        Seen conflict = sameFromBoth(409, key, "application/json", sale("taken", 200));
        assertThat(conflict.body()).contains("different body");
        // and the same event again: 200 with the first answer, from both
        Seen replay = sameFromBoth(200, key, "application/json", sale("taken", 100));
        assertThat(replay.headers().get("content-type")).containsExactly("application/json");
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L);
    }

    @Test
    void anAcceptThatAllowsNoJsonIsAnsweredAsTomcatAnswersItAndNothingIsStored() {
        ProgramFixtures.Setup s = programs.program("Accept");
        String key = s.tenant().apiKey();

        for (String accept : List.of("text/html", "application/xml", "text/*", "application/problem+json")) {
            Seen refused = sameFromBoth(406, key, "application/json", sale("refused", 100), "Accept", accept);
            assertThat(refused.headers().get("content-type")).as(accept).containsExactly("application/problem+json");
            assertThat(refused.headers().get("accept")).as(accept).containsExactly("application/json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://tandem.dev/problems/not-acceptable");
            assertThat(problem.get("status").asInt()).isEqualTo(406);
            assertThat(problem.get("detail").asString()).contains("application/json");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/events");
        }
        // refused before the body is looked at, whatever it is
        sameFromBoth(406, key, "text/plain", "not an event", "Accept", "text/html");
        // an Accept that cannot be parsed: 406 as well, with a problem body, naming no type
        for (String garbled : List.of("garbage", "application/json;q=0.x")) {
            Seen refused = sameFromBoth(406, key, "application/json", sale("garbled", 100), "Accept", garbled);
            assertThat(refused.headers().get("content-type")).as(garbled).containsExactly("application/problem+json");
            assertThat(refused.headers()).as(garbled).doesNotContainKey("accept");
            assertThat(JSON.readTree(refused.body()).get("detail").asString())
                    .isEqualTo("The Accept header cannot be parsed.");
        }
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 0L);

        // an Accept that allows JSON, in any of its forms, is served by both
        List<List<String>> accepting = List.of(List.of("*/*"), List.of("application/json"), List.of("application/*"),
                List.of("application/*+json"), List.of("APPLICATION/JSON; charset=utf-8"), List.of(""),
                List.of("application/problem+json, application/json;q=0.5"), List.of("text/html, */*;q=0.1"),
                List.of("application/json;q=0"), List.of("text/html", "application/json"));
        int n = 0;
        for (List<String> accept : accepting) {
            String[] headers = accept.stream().flatMap(value -> Stream.of("Accept", value)).toArray(String[]::new);
            for (int door : new int[] {port, listener.port()}) {
                Seen stored = post(door, key, "application/json", sale("accepted-" + n++, 100), headers);
                assertThat(stored.status()).as(door + " " + accept).isEqualTo(201);
                assertThat(stored.headers().get("content-type")).containsExactly("application/json");
            }
        }
        assertThat(counts(s.workspace())).containsEntry("conversion_event", (long) n);
    }

    @Test
    void aYamlBodyIsReadAsTomcatReadsIt() {
        ProgramFixtures.Setup s = programs.program("YAML");
        String key = s.tenant().apiKey();
        String yaml = "id: yaml-1\ntype: sale\namount: 100\ncurrency: EUR\ncustomer:\n  externalId: c-yaml\n"
                + "metadata:\n  plan: pro\n";

        Seen first = post(listener.port(), key, "application/yaml", yaml);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode stored = get(s, "/api/v1/events/" + JSON.readTree(first.body()).get("id").asString());
        assertThat(stored.get("externalId").asString()).isEqualTo("yaml-1");
        assertThat(stored.get("metadata").get("plan").asString()).isEqualTo("pro");
        // the same event again, through either door (the same body, read alike): the first answer
        assertThat(sameFromBoth(200, key, "application/yaml; charset=utf-8", yaml).body()).isEqualTo(first.body());
        sameFromBoth(400, key, "application/yaml", "id: [unclosed");
        sameFromBoth(400, key, "application/yaml", "- 1\n- 2\n");
        sameFromBoth(400, key, "application/yaml", "~");
        sameFromBoth(400, key, "application/yaml", "");
        Seen invalid = sameFromBoth(422, key, "application/yaml",
                "id: yaml-2\ntype: sale\namount: 12.5\ncurrency: EUR\n");
        assertThat(invalid.body()).contains("amount", "customer");
        sameFromBoth(415, key, "application/x-yaml", yaml);
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L);
    }

    @Test
    void anIdempotencyKeyIsKeptAcrossBothDoors() {
        ProgramFixtures.Setup s = programs.program("Idempotent");
        String key = s.tenant().apiKey();
        String body = sale("idem-1", 700);

        Seen first = post(listener.port(), key, "application/json", body, "Idempotency-Key", "k-1");
        Seen tomcatRetry = post(port, key, "application/json", body, "Idempotency-Key", "k-1");
        Seen fastRetry = post(listener.port(), key, "application/json", body, "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(tomcatRetry.status()).isEqualTo(201);
        assertThat(tomcatRetry.body()).isEqualTo(first.body());
        assertThat(tomcatRetry.headers()).containsEntry("idempotent-replayed", List.of("true"));
        assertThat(fastRetry).isEqualTo(tomcatRetry);
        // another body under the same key: refused by both alike
        Seen reused = sameFromBoth(409, key, "application/json", sale("idem-2", 700), "Idempotency-Key", "k-1");
        assertThat(reused.body()).contains("idempotency-key-reused");
        sameFromBoth(400, key, "application/json", body, "Idempotency-Key", " ");
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsStored() {
        ProgramFixtures.Setup s = programs.program("Large");
        String huge = JSON.writeValueAsString(event("id", "huge", "type", "sale", "amount", 100, "currency", "EUR",
                "customer", customer("c-huge", null), "metadata", Map.of("notes", "x".repeat(70_000))));

        Seen refused = post(listener.port(), s.tenant().apiKey(), "application/json", huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.headers().get("content-type").get(0)).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413", "65536 bytes");
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 0L);
        assertThat(post(listener.port(), s.tenant().apiKey(), "application/json", sale("small", 100)).status())
                .isEqualTo(201);
    }

    @Test
    void oneConnectionCarriesSeveralEventsAnsweredInOrder() throws IOException {
        ProgramFixtures.Setup s = programs.program("Keep-alive");
        String key = s.tenant().apiKey();
        StringBuilder requests = new StringBuilder();
        for (String id : List.of("ka-1", "ka-2")) {
            byte[] body = sale(id, 100).getBytes(StandardCharsets.UTF_8);
            requests.append("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ").append(key)
                    .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                    .append("\r\n\r\n").append(new String(body, StandardCharsets.UTF_8));
        }
        // sent at once (pipelined), then a redirect on the same connection
        requests.append("GET /r/no-such-link HTTP/1.1\r\nHost: localhost\r\n\r\n");

        String answers;
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.UTF_8));
            answers = readAnswers(socket.getInputStream(), 3);
        }

        List<String> statusLines = new ArrayList<>();
        Matcher status = Pattern.compile("HTTP/1.1 \\d{3} [^\\r]*").matcher(answers);
        while (status.find()) {
            statusLines.add(status.group());
        }
        assertThat(statusLines).containsExactly("HTTP/1.1 201 Created", "HTTP/1.1 201 Created",
                "HTTP/1.1 404 Not Found");
        assertThat(answers.indexOf("ka-1")).isPositive().isLessThan(answers.indexOf("ka-2"));
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 2L);
    }

    @Test
    void aChunkedBodyOverTheLimitIsReadToItsEndAndTheConnectionGoesOn() throws IOException {
        ProgramFixtures.Setup s = programs.program("Chunked");
        String key = s.tenant().apiKey();
        String huge = JSON.writeValueAsString(event("id", "chunked-huge", "type", "sale", "amount", 100,
                "currency", "EUR", "customer", customer("c-chunked", null), "metadata", Map.of("notes",
                        "y".repeat(70_000))));
        String small = sale("after-chunked", 100);
        String head = "POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\n";
        String requests = head + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(huge.length() / 2) + "\r\n" + huge.substring(0, huge.length() / 2) + "\r\n"
                + Integer.toHexString(huge.length() - huge.length() / 2) + "\r\n" + huge.substring(huge.length() / 2)
                + "\r\n0\r\n\r\n"
                + head + "Content-Length: " + small.length() + "\r\n\r\n" + small;

        String answers;
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            answers = readAnswers(socket.getInputStream(), 2);
        }

        assertThat(answers).startsWith("HTTP/1.1 413 ").contains("HTTP/1.1 201 Created", "after-chunked");
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L);
    }

    @Test
    void aBodyOverTheLimitThatWaitsFor100ContinueIsRefusedWithoutBeingAskedFor() throws IOException {
        ProgramFixtures.Setup s = programs.program("Expect");
        String key = s.tenant().apiKey();
        String head = "POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ";

        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write((head + 70_000 + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String refused = readAnswers(socket.getInputStream(), 1);
            assertThat(refused).startsWith("HTTP/1.1 413 ").contains("connection: close", "65536 bytes");
            // the body is never sent, and the connection ends all the same
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }

        byte[] small = sale("expected", 100).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write((head + small.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(readAnswers(socket.getInputStream(), 1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            socket.getOutputStream().write(small);
            assertThat(readAnswers(socket.getInputStream(), 1)).startsWith("HTTP/1.1 201 Created").contains("expected");
        }
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L);
    }

    @Test
    void theListenerAnswersNoOtherApiRequest() {
        ProgramFixtures.Setup s = programs.program("Only POST");
        ApiClient fast = api(s.tenant().apiKey(), listener.port());
        assertThat(fast.get("/api/v1/events").status()).isEqualTo(404);
        assertThat(fast.post("/api/v1/events/evt_x/assign", "{}").status()).isEqualTo(404);
        assertThat(fast.post("/api/v1/events/", sale("slash", 100)).status()).isEqualTo(404);
        assertThat(fast.post("/api/v1/referrals", "{}").status()).isEqualTo(404);
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 0L);
    }

    /** Reads until {@code count} answers with their Content-Length bodies have arrived. */
    private static String readAnswers(InputStream in, int count) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (complete(seen.toString(StandardCharsets.ISO_8859_1)) < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static int complete(String text) {
        int answers = 0;
        int at = 0;
        while (true) {
            int headEnd = text.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                return answers;
            }
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(text.substring(at, headEnd));
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            if (text.length() < headEnd + 4 + bodyLength) {
                return answers;
            }
            answers++;
            at = headEnd + 4 + bodyLength;
        }
    }
}
