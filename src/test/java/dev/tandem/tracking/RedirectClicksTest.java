package dev.tandem.tracking;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a redirect leaves behind in the click table: who, where from, which campaign; bots and repeats told apart. */
class RedirectClicksTest extends RedirectTestBase {

    @Test
    void aClickIsStoredWithItsSubIdsCampaignAndVisitor() {
        Scene scene = scene("Clicks");
        Link link = link(scene, null);

        String location = get("/r/" + link.slug() + "?sub1=s1&sub3=s%203&sub5=" + "x".repeat(300)
                        + "&utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=pen&utm_content=top&other=1",
                "Referer", "https://blog.example/post")
                .headers().firstValue("Location").orElseThrow();

        Map<String, Object> click = awaitClicks(link, 1).get(0);
        assertThat(click).containsEntry("workspace_id", scene.setup().workspace().value())
                .containsEntry("program_id", scene.setup().program().id().value())
                .containsEntry("partner_id", scene.member().partner().id().value())
                .containsEntry("click_token", clickIdIn(location))
                .containsEntry("user_agent", FIREFOX).containsEntry("referrer", "https://blog.example/post")
                .containsEntry("sub1", "s1").containsEntry("sub2", null).containsEntry("sub3", "s 3")
                .containsEntry("sub5", "x".repeat(255))
                .containsEntry("utm_source", "news").containsEntry("utm_medium", "email")
                .containsEntry("utm_campaign", "spring").containsEntry("utm_term", "pen").containsEntry("utm_content", "top")
                .containsEntry("country", null).containsEntry("is_bot", false).containsEntry("is_repeat", false);
        assertThat((byte[]) click.get("visitor_hash")).hasSize(16);
    }

    @Test
    void botsAndHeadRequestsAreRedirectedButFlagged() {
        Link link = link(scene("Bots"), null);

        HttpResponse<String> preview = get("/r/" + link.slug(), "User-Agent",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
        HttpResponse<String> script = get("/r/" + link.slug(), "User-Agent", "curl/8.5.0");
        HttpResponse<String> head = send("HEAD", "/r/" + link.slug());

        assertThat(List.of(preview.statusCode(), script.statusCode(), head.statusCode())).containsOnly(302);
        List<Map<String, Object>> clicks = awaitClicks(link, 3);
        assertThat(clicks).extracting(c -> c.get("is_bot")).containsOnly(true);
        assertThat(clicks).extracting(c -> c.get("is_repeat")).containsOnly(false);
    }

    @Test
    void aSecondClickWithinTheHourByCookieIsARepeatWithTheFirstClickId() {
        Link link = link(scene("Repeat cookie"), null);

        String first = clickIdIn(get("/r/" + link.slug()).headers().firstValue("Location").orElseThrow());
        // another address and browser: only the cookie says it is the same visitor
        String again = clickIdIn(get("/r/" + link.slug(), "Cookie", "lang=en; tnd_click=" + first, "User-Agent",
                FIREFOX + " other", "X-Forwarded-For", "10.1.2.3").headers().firstValue("Location").orElseThrow());

        assertThat(again).isEqualTo(first);
        List<Map<String, Object>> clicks = awaitClicks(link, 2);
        assertThat(clicks).extracting(c -> c.get("is_repeat")).containsExactly(false, true);
        assertThat(clicks).extracting(c -> c.get("click_token")).containsOnly(first);
    }

    @Test
    void aSecondClickWithinTheHourFromTheSameAddressAndBrowserIsARepeat() {
        Link link = link(scene("Repeat address"), null);
        Link other = link(scene("Repeat other link"), null);

        String first = clickIdIn(get("/r/" + link.slug()).headers().firstValue("Location").orElseThrow());
        String again = clickIdIn(get("/r/" + link.slug()).headers().firstValue("Location").orElseThrow());
        get("/r/" + link.slug(), "User-Agent", FIREFOX.replace("128", "129"));
        get("/r/" + other.slug());

        assertThat(again).isEqualTo(first);
        // another browser at the same address is another visitor (its click id may still be equal: ids name link and second)
        assertThat(awaitClicks(link, 3)).extracting(c -> c.get("is_repeat")).containsExactly(false, true, false);
        assertThat(awaitClicks(other, 1)).extracting(c -> c.get("is_repeat")).containsExactly(false);
    }

    @Test
    void aCookieOfAnotherLinkIsNoRepeat() {
        Scene scene = scene("Cookie other link");
        Link link = link(scene, null);
        Link other = link(scene, null);
        String theirs = clickIdIn(get("/r/" + other.slug()).headers().firstValue("Location").orElseThrow());

        String mine = clickIdIn(get("/r/" + link.slug(), "Cookie", "tnd_click=" + theirs, "User-Agent", FIREFOX + " x")
                .headers().firstValue("Location").orElseThrow());

        assertThat(clickIds.check(link.workspaceId(), mine))
                .isEqualTo(new ClickCheck.Valid(link.id(), ((ClickCheck.Valid) clickIds.check(link.workspaceId(), mine)).clickedAt()));
        assertThat(awaitClicks(link, 1)).extracting(c -> c.get("is_repeat")).containsExactly(false);
    }

    @Test
    void theVisitorIsTheAddressALocalProxyForwarded() {
        Link link = link(scene("Forwarded"), null);

        // the test talks over loopback, a proxy Tandem trusts: X-Forwarded-For names the visitor
        get("/r/" + link.slug(), "X-Forwarded-For", "203.0.113.9");
        get("/r/" + link.slug(), "X-Forwarded-For", "198.51.100.1, 203.0.113.9");
        get("/r/" + link.slug(), "X-Forwarded-For", "203.0.113.10");
        get("/r/" + link.slug());

        List<Map<String, Object>> clicks = awaitClicks(link, 4);
        // the same forwarded visitor again is a repeat; another forwarded address, or the proxy itself, is not
        assertThat(clicks).extracting(c -> c.get("is_repeat")).containsExactly(false, true, false, false);
        assertThat(List.of(clicks.get(0), clicks.get(2), clicks.get(3)))
                .extracting(c -> java.util.HexFormat.of().formatHex((byte[]) c.get("visitor_hash"))).doesNotHaveDuplicates();
    }
}
