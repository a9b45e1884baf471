package dev.tandem.tracking.web;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.tandem.web.ListenerRoute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the listener runs a route: on its named worker threads, and stopping only after the answers in progress are sent. */
class ListenerRoutesTest {

    /** Echoes the thread it ran on, after {@code release} opens. */
    private static final class SlowRoute implements ListenerRoute {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/slow";
        }

        @Override
        public int maxBodyBytes() {
            return 16;
        }

        @Override
        public Answer answer(Request request) {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(201, List.of("Content-Type", "text/plain"),
                    (Thread.currentThread().getName() + " " + new String(request.body(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Answer tooLarge() {
            return new Answer(413, List.of(), new byte[0]);
        }
    }

    @Test
    void aRouteRunsOnAWorkerAndStoppingWaitsForItsAnswer() throws Exception {
        SlowRoute route = new SlowRoute();
        RedirectListener listener = listening(route);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + listener.port() + "/slow"))
                        .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(route.started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(listener::stop);
        Thread.sleep(300);
        assertThat(stopping).as("waits for the request in progress").isNotDone();
        route.release.countDown();
        stopping.get(15, TimeUnit.SECONDS);

        HttpResponse<String> response = answer.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).startsWith("tandem-listener-worker").endsWith(" hello");
        assertThat(listener.isRunning()).isFalse();
    }

    @Test
    void aRequestWaitingFor100ContinueIsToldToSendOnlyABodyWithinTheLimit() throws Exception {
        SlowRoute route = new SlowRoute();
        route.release.countDown();
        RedirectListener listener = listening(route);
        String head = "POST /slow HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: ";
        try {
            // over the limit: 413 instead of 100; a client that sends its body anyway has it dropped, then the end
            try (Socket socket = new Socket("localhost", listener.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((head + "17\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 413 ").contains("connection: close");
                socket.getOutputStream().write("x".repeat(17).getBytes(StandardCharsets.US_ASCII));
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
            // within it: 100, then the body, then the answer, and the connection goes on
            try (Socket socket = new Socket("localhost", listener.port())) {
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                for (int i = 0; i < 2; i++) {
                    socket.getOutputStream().write((head + "5\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readHead(in)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
                    socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                    assertThat(readAnswer(in)).startsWith("HTTP/1.1 201 Created");
                }
            }
        } finally {
            listener.stop();
        }
    }

    @Test
    void a100ContinueComesAfterTheAnswersOwedAheadOfIt() throws Exception {
        SlowRoute route = new SlowRoute();
        RedirectListener listener = listening(route);
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(10_000);
            // pipelined: the second request waits for its 100 while the first is still being answered
            socket.getOutputStream().write(("POST /slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nfirst"
                    + "POST /slow HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(route.started.await(10, TimeUnit.SECONDS)).isTrue();
            route.release.countDown();
            InputStream in = socket.getInputStream();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 201 Created");
            assertThat(readHead(in)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        } finally {
            listener.stop();
        }
    }

    /** A listener on a free port serving the route, started. */
    private static RedirectListener listening(SlowRoute route) {
        RedirectListener listener = new RedirectListener(0, null,
                new TrustedProxies(false, null, null, "X-Forwarded-For", "X-Forwarded-Proto", "https"),
                List.of(route), 2);
        listener.start();
        return listener;
    }

    /** The next answer's status line and headers; its body (Content-Length bytes) is read past. */
    private static String readAnswer(InputStream in) throws IOException {
        String head = readHead(in);
        in.readNBytes(Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1")));
        return head;
    }

    /** The status line and headers of the next answer, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aBodyOverTheLimitIsAnswered413EveryTimeHoweverLongAndWithOrWithoutItsLength() throws Exception {
        SlowRoute route = new SlowRoute();
        route.release.countDown();
        RedirectListener listener = listening(route);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI slow = URI.create("http://localhost:" + listener.port() + "/slow");
            // read and dropped (under 2 MiB), and answered at once with the connection closed after (over it):
            // either way the client gets its 413 rather than a reset connection
            for (int size : List.of(1_000, 70_000, 3 * 1024 * 1024)) {
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> refused;
                    try {
                        refused = http.send(HttpRequest.newBuilder(slow)
                                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(size))).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        throw new AssertionError(size + " bytes, try " + i, e);
                    }
                    assertThat(refused.statusCode()).as(size + " bytes, try " + i).isEqualTo(413);
                }
            }
            // no declared length (chunked): dropped up to 2 MiB, then answered at once all the same
            byte[] unannounced = "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(slow)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(unannounced)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as("chunked, try " + i).isEqualTo(413);
            }
            HttpResponse<String> small = http.send(HttpRequest.newBuilder(slow)
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(small.statusCode()).isEqualTo(201);
        } finally {
            listener.stop();
        }
    }
}
