package dev.tandem.web;

import java.util.List;
import java.util.function.Function;

/**
 * One exact method and path that the lightweight Netty listener (tracking's {@code tandem.redirect.port})
 * answers by calling another module's code, so the listener needs no dependency on that module. The
 * listener reads the whole body (at most {@link #maxBodyBytes()}) and calls {@link #answer} on a worker
 * thread, never on an event loop, so it may block on the database.
 */
public interface ListenerRoute {

    String method();

    /** The path exactly, without query. */
    String path();

    int maxBodyBytes();

    /** Blocking; answers every failure itself (an exception escaping it closes the connection). */
    Answer answer(Request request);

    /** What a body over {@link #maxBodyBytes()} answers. */
    Answer tooLarge();

    /**
     * @param headers a request header's first value by name (case-insensitive), null if absent
     * @param headerValues every value of a request header by name, one per header line as the servlet API gives
     *        them (Spring MVC reads all of Accept's), empty if absent
     * @param secure whether the client reached us over HTTPS (as a trusted proxy says)
     */
    record Request(String method, String path, Function<String, String> headers,
            Function<String, List<String>> headerValues, byte[] body, boolean secure) {
    }

    /** @param headers name, value, name, value… (Content-Length is the listener's) */
    record Answer(int status, List<String> headers, byte[] body) {
    }
}
