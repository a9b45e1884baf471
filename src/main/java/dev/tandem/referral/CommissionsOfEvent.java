package dev.tandem.referral;

import java.util.List;
import java.util.Map;

import dev.tandem.workspace.WorkspaceId;

/**
 * Implemented by the module that pays commissions, which the referral module cannot know: the
 * commissions an event created or reversed, in the API's shape, for the intake's answer.
 */
public interface CommissionsOfEvent {

    List<Map<String, Object>> of(WorkspaceId workspace, EventId event);
}
