package dev.tandem.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every test of {@link RedirectTest}, against the redirect's own Netty listener (tandem.redirect.port) instead of Tomcat. */
class ListenerRedirectTest extends RedirectTest {

    @Override
    int redirectPort() {
        return listener.port();
    }

    @Test
    void theListenerAnswersNothingButTheRedirect() {
        for (String path : new String[] {"/", "/admin", "/css/tandem.css", "/api/v1/programs", "/rr/abc", "/p/x/y"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Link not found");
        }
        assertThat(send("POST", "/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void oneConnectionCarriesManyRedirectsAndRequestBodiesAreSkipped() throws IOException {
        Link link = link(scene("Keep-alive"), null);
        String get = "GET /r/" + link.slug() + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + FIREFOX + "\r\n\r\n";
        String post = "POST /r/" + link.slug() + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello";

        try (Socket socket = new Socket("localhost", redirectPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((get + post + get).getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> statusLines = new ArrayList<>();
            for (String line; statusLines.size() < 3 && (line = in.readLine()) != null; ) {
                if (line.startsWith("HTTP/1.1 ")) {
                    statusLines.add(line);
                }
            }
            assertThat(statusLines).containsExactly("HTTP/1.1 302 Found", "HTTP/1.1 405 Method Not Allowed",
                    "HTTP/1.1 302 Found");
        }
    }
}
