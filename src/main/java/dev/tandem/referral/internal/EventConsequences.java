package dev.tandem.referral.internal;

import java.util.List;
import java.util.Map;

import dev.tandem.referral.CommissionsOfEvent;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts what other modules made of an event (its commissions) into the event's answer. */
@Component
class EventConsequences {

    private final ObjectProvider<CommissionsOfEvent> provider;
    // looked up once: asking the bean factory on every event costs more than the answer itself
    private volatile List<CommissionsOfEvent> sources;

    EventConsequences(ObjectProvider<CommissionsOfEvent> provider) {
        this.provider = provider;
    }

    /** The answer (a map of ours to change) with the event's commissions put in, when there are any. */
    Map<String, Object> withCommissions(WorkspaceId workspace, EventId event, Map<String, Object> answer) {
        List<CommissionsOfEvent> found = sources;
        if (found == null) {
            found = provider.orderedStream().toList();
            sources = found;
        }
        List<Map<String, Object>> made = found.stream().flatMap(s -> s.of(workspace, event).stream()).toList();
        if (made.isEmpty()) {
            return answer;
        }
        answer.put("commissions", made);
        return answer;
    }
}
