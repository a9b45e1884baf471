package dev.tandem.referral.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.tandem.core.ApiProblems;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.web.ApiDoor;
import dev.tandem.web.ListenerRoute;
import dev.tandem.workspace.ApiKeyPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/v1/events on the lightweight listener ({@code tandem.redirect.port}), answering what
 * {@link EventApiController#record} answers through Tomcat, Spring Security and Spring MVC, with the
 * same pieces: {@link ApiDoor} for the key, scope and Idempotency-Key, {@link EventBodies} for the body,
 * {@link ApiProblems} for the intake's errors, the application's JSON mapper for reading JSON and for
 * problems, and Spring MVC's own message converters for the other bodies it reads (YAML).
 */
@Component
class EventListenerRoute implements ListenerRoute {

    static final String PATH = "/api/v1/events";
    /** The largest event body: metadata alone may be 16 KB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EventListenerRoute.class);
    private static final URI INSTANCE = URI.create(PATH);
    /** What Spring MVC lists as the body types it reads (its JSON and YAML converters). */
    private static final String READABLE = "application/json, application/yaml, application/*+json";

    private final Intake intake;
    private final ApiDoor door;
    private final JsonMapper json;
    private final JsonMapper problems;
    /**
     * What Spring MVC reads request bodies with, in its order: the very converters, so that the listener
     * reads a body that is not JSON exactly when and as Tomcat's door does. For YAML that is Spring's Jackson 2
     * converter (jackson-dataformat-yaml comes with springdoc), configured as Spring configures it.
     */
    private final List<HttpMessageConverter<?>> readers;

    EventListenerRoute(Intake intake, ApiDoor door, JsonMapper json, RequestMappingHandlerAdapter mvc) {
        this.intake = intake;
        this.door = door;
        this.json = json;
        // as Spring MVC's JSON converter writes a ProblemDetail: its properties at the top level
        this.problems = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        this.readers = List.copyOf(mvc.getMessageConverters());
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public Answer tooLarge() {
        return door.tooLarge(false, MAX_BODY_BYTES);
    }

    @Override
    public Answer answer(Request request) {
        ApiDoor.Admission admission = door.admit(request.method(), request.headers().apply("Authorization"),
                request.secure());
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        ApiKeyPrincipal caller = admission.caller();
        return door.idempotent(caller, request.headers().apply("Idempotency-Key"), PATH, request.body(),
                request.secure(), () -> record(caller, request));
    }

    private Answer record(ApiKeyPrincipal caller, Request request) {
        boolean secure = request.secure();
        Answer unacceptable = unacceptable(secure, request.headerValues().apply("Accept"));
        if (unacceptable != null) {
            return unacceptable;
        }
        String contentType = request.headers().apply("Content-Type");
        HttpMessageConverter<?> reader = null;
        if (!json(contentType)) {
            reader = reader(contentType);
            if (reader == null) {
                return unsupported(secure, contentType);
            }
        }
        EventBodies.EventBody body = request.body().length == 0 ? null
                : reader == null ? readJson(request.body()) : read(reader, contentType, request.body());
        return body == null ? problem(secure, ApiProblems.malformedRequest()) : store(caller, secure, body);
    }

    private Answer store(ApiKeyPrincipal caller, boolean secure, EventBodies.EventBody body) {
        EventBodies.Read read = EventBodies.read(body);
        try {
            Intake.Answered answered = intake.answer(caller.workspaceId(), caller.asActor(), read.input(),
                    EventSource.API, read.problems());
            return door.json(secure, answered.replayed() ? 200 : 201,
                    answered.answerJson().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            ProblemDetail known = ApiProblems.of(e);
            if (known != null) {
                return problem(secure, known);
            }
            log.error("POST {} failed", PATH, e);
            return problem(secure, ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Internal Server Error", "The event could not be stored; please retry."));
        }
    }

    /**
     * As Tomcat's door answers an Accept that allows no JSON ({@link ApiDoor#acceptsJson}):
     * 406 before the body is looked at, naming application/json in the problem and in an Accept header; an Accept
     * that cannot be parsed answers 406 as well, naming nothing. The problem is application/problem+json
     * whatever the Accept. Null when JSON is acceptable.
     */
    private Answer unacceptable(boolean secure, List<String> accept) {
        try {
            if (ApiDoor.acceptsJson(accept)) {
                return null;
            }
        } catch (IllegalArgumentException unparseable) {
            return problem(secure, ApiProblems.notAcceptable(List.of()));
        }
        ProblemDetail detail = ApiProblems.notAcceptable(List.of(MediaType.APPLICATION_JSON));
        detail.setInstance(INSTANCE);
        return door.answer(secure, 406, List.of("Accept", MediaType.APPLICATION_JSON_VALUE,
                "Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE), problems.writeValueAsBytes(detail));
    }

    private EventBodies.EventBody readJson(byte[] body) {
        try {
            return json.readValue(body, EventBodies.EventBody.class);
        } catch (JacksonException malformed) {
            return null;
        }
    }

    /**
     * The first of Spring MVC's converters that reads an event from a body of this type, as it picks one for
     * a body that is not JSON (application/yaml: its YAML converter); null when none does or the type is unparseable.
     */
    private HttpMessageConverter<?> reader(String contentType) {
        MediaType type;
        try {
            type = asMvcSeesIt(contentType);
        } catch (IllegalArgumentException unparseable) {
            return null;
        }
        for (HttpMessageConverter<?> reader : readers) {
            if (reader.canRead(EventBodies.EventBody.class, type)) {
                return reader;
            }
        }
        return null;
    }

    /** The event as Spring MVC's converter reads it; null when it cannot (400 on both doors). */
    @SuppressWarnings("unchecked")
    private static EventBodies.EventBody read(HttpMessageConverter<?> reader, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(asMvcSeesIt(contentType));
        HttpInputMessage message = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        try {
            return ((HttpMessageConverter<EventBodies.EventBody>) reader).read(EventBodies.EventBody.class, message);
        } catch (HttpMessageNotReadableException | IOException malformed) {
            return null;
        }
    }

    /**
     * The request's Content-Type as Spring MVC sees it: UTF-8 added when no charset is given, as Boot's request
     * encoding does; none: application/octet-stream. Throws IllegalArgumentException when it cannot be parsed.
     */
    private static MediaType asMvcSeesIt(String contentType) {
        if (contentType == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        return type.getCharset() == null ? new MediaType(type, StandardCharsets.UTF_8) : type;
    }

    /** What Spring MVC's JSON converter reads: application/json and application/*+json. */
    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || "application".equals(type.getType())
                    && type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    /**
     * As Spring MVC answers a body it has no reader for: 415 listing what it reads, naming the type as
     * it saw it ({@link #asMvcSeesIt}), typed as the API types the problems Spring raises (by status).
     */
    private Answer unsupported(boolean secure, String contentType) {
        MediaType type;
        try {
            type = asMvcSeesIt(contentType);
        } catch (IllegalArgumentException unparseable) {
            return problem(secure, ApiProblems.malformedRequest());
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + type + "' is not supported.");
        detail.setType(URI.create(ApiProblems.TYPE_BASE + 415));
        detail.setInstance(INSTANCE);
        return door.answer(secure, 415, List.of("Accept", READABLE,
                "Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE), problems.writeValueAsBytes(detail));
    }

    private Answer problem(boolean secure, ProblemDetail detail) {
        detail.setInstance(INSTANCE);
        return door.problemJson(secure, detail.getStatus(), problems.writeValueAsBytes(detail));
    }
}
