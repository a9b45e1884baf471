package dev.tandem.payout.rails;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Stripe's API on loopback, answering as Stripe does (the answers are in
 * {@code payout-rails/*.json}): a transfer, or the refusal a test chooses per request. Like Stripe,
 * the same idempotency key gets the first transfer again. It keeps every request it received, so a
 * test asserts what went over the wire.
 */
public final class StripeStub implements AutoCloseable {

    /** One request as received: the form body decoded, the destination account taken from it. */
    public record Request(String method, String path, String destination, String idempotencyKey, String authorization,
            Map<String, String> form) {
    }

    /** An answer other than a transfer: an HTTP status and Stripe's JSON body. */
    public record Refusal(int status, String json) {
    }

    private final HttpServer server;
    private final Function<Request, Refusal> refusals;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> transferByKey = new ConcurrentHashMap<>();
    private final AtomicInteger transfers = new AtomicInteger();

    private StripeStub(Function<Request, Refusal> refusals) throws IOException {
        this.refusals = refusals;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * Starts the stub.
     *
     * @param refusals the refusal for a request, or null to answer it with a transfer
     */
    public static StripeStub start(Function<Request, Refusal> refusals) {
        try {
            return new StripeStub(refusals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal with one of Stripe's error bodies from {@code payout-rails/}. */
    public static Refusal refusal(int status, String fixture) {
        return new Refusal(status, fixture(fixture));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> received() {
        return received;
    }

    /** The transfer id answered for an idempotency key, or null. */
    public String transferFor(String idempotencyKey) {
        return transferByKey.get(idempotencyKey);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                form.getOrDefault("destination", ""), key, exchange.getRequestHeaders().getFirst("Authorization"), form);
        received.add(request);
        Refusal refusal = refusals.apply(request);
        if (refusal != null) {
            reply(exchange, refusal.status(), refusal.json());
            return;
        }
        String id = transferByKey.computeIfAbsent(key, k -> "tr_stub_" + transfers.incrementAndGet());
        reply(exchange, 200, fixture("transfer.json").replace("{id}", id).replace("{amount}", form.get("amount"))
                .replace("{currency}", form.get("currency")).replace("{destination}", request.destination()));
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String fixture(String name) {
        try (InputStream in = StripeStub.class.getResourceAsStream("/payout-rails/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
