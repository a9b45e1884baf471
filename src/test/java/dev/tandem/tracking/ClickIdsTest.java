package dev.tandem.tracking;

import java.time.Instant;
import java.util.Base64;

import dev.tandem.core.Ids;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ClickIdsTest extends IntegrationTest {

    @Autowired
    ClickIds clickIds;
    @Autowired
    Fixtures fixtures;

    @Test
    void aClickIdCarriesItsLinkAndSecond() {
        WorkspaceId workspace = fixtures.tenant("Click ids").ids().workspaceId();
        LinkId link = new LinkId(Ids.newId());
        Instant at = Instant.parse("2026-11-22T10:15:30.750Z");

        String id = clickIds.issue(workspace, link, at);

        assertThat(id).hasSize(40).matches("[A-Za-z0-9_-]+");
        assertThat(clickIds.check(workspace, id))
                .isEqualTo(new ClickCheck.Valid(link, Instant.parse("2026-11-22T10:15:30Z")));
    }

    @Test
    void anAlteredClickIdIsRejectedWithTheReason() {
        WorkspaceId workspace = fixtures.tenant("Tamper").ids().workspaceId();
        String id = clickIds.issue(workspace, new LinkId(Ids.newId()), Instant.parse("2026-11-22T10:15:30Z"));
        byte[] bytes = Base64.getUrlDecoder().decode(id);
        bytes[20] ^= 1; // one bit of the click time
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(clickIds.check(workspace, altered)).isInstanceOf(ClickCheck.Invalid.class)
                .extracting(c -> ((ClickCheck.Invalid) c).reason()).asString().contains("signature");
        assertThat(clickIds.check(workspace, "not a click id")).isInstanceOf(ClickCheck.Invalid.class);
        assertThat(clickIds.check(workspace, id.substring(1))).isInstanceOf(ClickCheck.Invalid.class);
    }

    @Test
    void anotherWorkspacesClickIdDoesNotVerify() {
        WorkspaceId mine = fixtures.tenant("Mine").ids().workspaceId();
        WorkspaceId theirs = fixtures.tenant("Theirs").ids().workspaceId();
        String id = clickIds.issue(theirs, new LinkId(Ids.newId()), Instant.parse("2026-11-22T10:15:30Z"));

        assertThat(clickIds.check(mine, id)).isInstanceOf(ClickCheck.Invalid.class);
        assertThat(clickIds.check(theirs, id)).isInstanceOf(ClickCheck.Valid.class);
    }
}
