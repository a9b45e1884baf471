package dev.tandem.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the JSON API as an integrator's system would: Bearer key, JSON in, JSON or problem details out. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String key;
    private final String accept;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(String base, String key) {
        this(base, key, "application/json");
    }

    private ApiClient(String base, String key, String accept) {
        this.base = base;
        this.key = key;
        this.accept = accept;
    }

    /** The same client sending this Accept instead of application/json (e.g. a browser's, or one that cannot be parsed). */
    public ApiClient accepting(String accept) {
        return new ApiClient(base, key, accept);
    }

    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    public Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    /** A POST with an {@code Idempotency-Key} header, as a careful integrator sends it. */
    public Answer post(String path, String json, String idempotencyKey) {
        return send("POST", path, json, idempotencyKey);
    }

    public Answer send(String method, String path, String json) {
        return send(method, path, json, null);
    }

    private Answer send(String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
