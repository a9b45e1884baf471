package dev.tandem.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.referral.CommissionsOfEvent;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** Puts what other modules made of an event (its commissions) into the event's answer. */
@Component
class EventConsequences {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectProvider<CommissionsOfEvent> provider;
    // looked up once: asking the bean factory on every event costs more than the answer itself
    private volatile List<CommissionsOfEvent> sources;

    EventConsequences(ObjectProvider<CommissionsOfEvent> provider) {
        this.provider = provider;
    }

    /** The answer with the event's commissions, or the same answer when there are none. */
    String withCommissions(WorkspaceId workspace, EventId event, String answer) {
        List<CommissionsOfEvent> found = sources;
        if (found == null) {
            found = provider.orderedStream().toList();
            sources = found;
        }
        List<Map<String, Object>> made = found.stream().flatMap(s -> s.of(workspace, event).stream()).toList();
        if (made.isEmpty()) {
            return answer;
        }
        Map<String, Object> map = AttributionJson.JSON.readValue(answer, MAP);
        map.put("commissions", made);
        return ApiViews.json(map);
    }
}
