package dev.tandem.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.internal.LinkRepository;
import dev.tandem.tracking.web.RedirectListener;
import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/** What the redirect tests share: a program with an approved partner, links inserted as the links pages would, raw HTTP. */
abstract class RedirectTestBase extends IntegrationTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Autowired
    ProgramFixtures programs;
    @Autowired
    LinkRepository links;
    @Autowired
    ClickIds clickIds;
    /** On in every integration test (IntegrationTest sets tandem.redirect.port to 0). */
    @Autowired
    RedirectListener listener;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A program (destination https://acme.test/, 30-day window) with one approved partner. */
    record Scene(ProgramFixtures.Setup setup, ProgramFixtures.Member member) {
    }

    Scene scene(String name) {
        ProgramFixtures.Setup setup = programs.program(name);
        return new Scene(setup, programs.approvedPartner(setup, name + " Partner"));
    }

    /** A new link with a random slug; {@code destination} null: the program's default. */
    Link link(Scene scene, String destination) {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Link link = new Link(scene.setup().workspace(), new LinkId(Ids.newId()), scene.setup().program().id(),
                scene.member().partner().id(), slug, destination == null ? null : URI.create(destination), "", false,
                null, Instant.now().truncatedTo(ChronoUnit.MICROS));
        links.insert(link);
        return link;
    }

    /**
     * The port the redirect is asked on: Tomcat's (the servlet filter) here; the subclasses named
     * Listener… run the same tests against the Netty listener.
     */
    int redirectPort() {
        return port;
    }

    /** Whether the redirect runs behind Tomcat, which refuses some requests before any application code. */
    boolean onTomcat() {
        return redirectPort() == port;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + redirectPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        boolean agent = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            agent |= headers[i].equalsIgnoreCase("User-Agent");
        }
        if (!agent) {
            request.header("User-Agent", FIREFOX);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The click id in a redirect's Location. */
    static String clickIdIn(String location) {
        int at = location.indexOf("tnd_click=");
        String rest = location.substring(at + "tnd_click=".length());
        int end = rest.indexOf('&') >= 0 ? rest.indexOf('&') : rest.indexOf('#') >= 0 ? rest.indexOf('#') : rest.length();
        return rest.substring(0, end);
    }

    long clicksOf(Link link) {
        return jdbc.sql("select count(*) from click where link_id = ?").param(link.id().value()).query(Long.class).single();
    }

    /**
     * Returns once every click the redirects so far handed to the writer is stored: the writer stores
     * clicks in the order it got them, so a click made now on a fresh link is stored after them.
     */
    void awaitEarlierClicksStored(Scene scene) {
        Link marker = link(scene, null);
        get("/r/" + marker.slug());
        awaitClicks(marker, 1);
    }

    /** The stored clicks of a link, oldest first, once there are {@code count} of them. */
    java.util.List<Map<String, Object>> awaitClicks(Link link, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> clicksOf(link) >= count);
        return jdbc.sql("select * from click where link_id = ? order by clicked_at, id").param(link.id().value())
                .query().listOfRows();
    }
}
