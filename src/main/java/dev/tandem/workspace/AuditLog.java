package dev.tandem.workspace;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.workspace.internal.AuditRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of what staff and API keys did in a workspace. Any module records its actions here,
 * inside the transaction of the change, so the log never claims something that was rolled back.
 */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @param action  a stable dotted name, e.g. {@code api_key.created}
     * @param subject the public id of what was acted on, or null
     * @param details small facts worth keeping (never secrets)
     */
    public void record(WorkspaceId workspace, Actor actor, String action, String subject, Map<String, ?> details) {
        repository.insert(workspace, new AuditEntry(Ids.newId(), clock.instant(), actor, action, subject,
                JSON.writeValueAsString(details), clientIp()));
    }

    /**
     * The orders staff may read the audit log in: newest first unless asked otherwise (by who, or by
     * what happened); the id breaks ties.
     */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("when", "occurred_at"),
            ListSort.Key.ascending("who", "lower(actor_name)"),
            ListSort.Key.ascending("what", "action"));

    /** One page of the audit log in the asked order ({@link #SORTS}), with how many entries there are. */
    public ListPage<AuditEntry> sorted(WorkspaceId workspace, ListRequest request) {
        return ListPage.fetch(request, repository.count(workspace), page -> repository.sorted(workspace, page));
    }

    public static String publicId(UUID id) {
        return Ids.format("aud", id);
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
