package dev.tandem.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.tracking.ClickCheck;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.LinkId;
import org.springframework.stereotype.Component;

/**
 * Turns a redirect into a click: signs its click id, tells bots and repeats, and hands the row to
 * the writer. Runs on the request thread, so it never touches the database (the workspace secret is
 * cached after a workspace's first click).
 */
@Component
public class ClickRecorder {

    static final int USER_AGENT_MAX = 512;
    static final int REFERRER_MAX = 1024;
    static final int PARAMETER_MAX = 255;

    private final ClickIds clickIds;
    private final ClickWriter writer;
    private final ClickVisitors visitors;
    private final Clock clock;

    ClickRecorder(ClickIds clickIds, ClickWriter writer, ClickVisitors visitors, Clock clock) {
        this.clickIds = clickIds;
        this.writer = writer;
        this.visitors = visitors;
        this.clock = clock;
    }

    /**
     * What the redirect knows about the visit.
     *
     * @param cookieClickId the {@code tnd_click} cookie the visitor sent, or null
     * @param subs          sub1…sub5 as sent (nulls where absent)
     * @param utms          utm_source, utm_medium, utm_campaign, utm_term, utm_content (nulls where absent)
     */
    public record Visit(String method, String ip, String userAgent, String referrer, String cookieClickId,
            String[] subs, String[] utms) {
    }

    /** Records the click and answers the click id to give the visitor (the first one again for a repeat). */
    public String record(LinkCache.Target target, Visit visit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LinkCache.ProgramTarget program = target.program();
        UUID linkId = target.linkId();
        boolean bot = BotDetection.isBot(visit.method(), visit.userAgent());
        byte[] visitor = visitors.hash(visit.ip(), now);
        String clickId = null;
        if (!bot) {
            clickId = repeatByCookie(target, visit.cookieClickId(), now);
            long key = ClickVisitors.key(visitor, visit.userAgent(), target.linkMsb(), target.linkLsb());
            if (clickId == null) {
                clickId = visitors.repeatOf(key, now);
            }
            if (clickId == null) {
                String first = clickIds.issue(program.workspace(), new LinkId(linkId), now);
                visitors.remember(key, first, now);
                writer.record(click(target, linkId, now, first, visitor, visit, false, false));
                return first;
            }
        } else {
            clickId = clickIds.issue(program.workspace(), new LinkId(linkId), now);
        }
        writer.record(click(target, linkId, now, clickId, visitor, visit, bot, !bot));
        return clickId;
    }

    /** The visitor's cookie holds a click id of this very link from within the hour: a repeat of that click. */
    private String repeatByCookie(LinkCache.Target target, String cookie, Instant now) {
        if (cookie == null || cookie.length() != 40) {
            return null;
        }
        if (clickIds.check(target.program().workspace(), cookie) instanceof ClickCheck.Valid valid
                && valid.linkId().value().getMostSignificantBits() == target.linkMsb()
                && valid.linkId().value().getLeastSignificantBits() == target.linkLsb()
                && !valid.clickedAt().isAfter(now)
                && now.getEpochSecond() - valid.clickedAt().getEpochSecond() < ClickVisitors.REPEAT_SECONDS) {
            return cookie;
        }
        return null;
    }

    private static Click click(LinkCache.Target target, UUID linkId, Instant now, String clickId, byte[] visitor,
            Visit visit, boolean bot, boolean repeat) {
        String[] subs = new String[5];
        String[] utms = new String[5];
        for (int i = 0; i < 5; i++) {
            subs[i] = Click.clean(visit.subs()[i], PARAMETER_MAX);
            utms[i] = Click.clean(visit.utms()[i], PARAMETER_MAX);
        }
        // country stays null: it needs a GeoIP database, and Tandem ships no GeoIP library
        return new Click(target.program().workspace().value(), Ids.newId(), now, linkId, target.program().programId(),
                target.partnerId(), clickId, visitor, Click.clean(visit.userAgent(), USER_AGENT_MAX),
                Click.clean(visit.referrer(), REFERRER_MAX), subs, utms, null, bot, repeat);
    }
}
