package dev.tandem.tracking.web;

import dev.tandem.tracking.internal.LinkCache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUrlsTest {

    @Test
    void theVisitorsQueryJoinsTheDestinationsAndWinsOnTheSameName() {
        LinkCache.Destination destination = LinkCache.Destination.parse("https://acme.test/p?a=1&utm_source=site#top");

        assertThat(RedirectUrls.location(destination, "utm_source=mail&b=2", "CLICK"))
                .isEqualTo("https://acme.test/p?a=1&utm_source=mail&b=2&tnd_click=CLICK#top");
        assertThat(RedirectUrls.location(destination, null, "CLICK"))
                .isEqualTo("https://acme.test/p?a=1&utm_source=site&tnd_click=CLICK#top");
        assertThat(RedirectUrls.location(LinkCache.Destination.parse("https://acme.test"), "", "CLICK"))
                .isEqualTo("https://acme.test?tnd_click=CLICK");
    }

    @Test
    void nothingTheVisitorSendsCanBreakOutOfTheQuery() {
        LinkCache.Destination destination = LinkCache.Destination.parse("https://acme.test/");

        assertThat(RedirectUrls.location(destination, "x=a b\"<>\r\n|é&&tnd_click=mine&tnd%5Fclick=also", "CLICK"))
                .isEqualTo("https://acme.test/?x=a%20b%22%3C%3E%0D%0A%7C%C3%A9&tnd_click=CLICK");
    }

    @Test
    void subIdsAndCampaignsAreReadDecodedFirstOneWins() {
        String[] subs = new String[5];
        String[] utms = new String[5];

        RedirectUrls.readParameters("sub1=a%20b&sub1=second&sub5=%E2%82%AC&utm_campaign=spring+sale&utm_term=50%&other=1",
                subs, utms);

        assertThat(subs).containsExactly("a b", null, null, null, "€");
        assertThat(utms).containsExactly(null, null, "spring sale", "50%", null);
    }

    @Test
    void onlyWellFormedSlugsAreLookedUp() {
        assertThat(RedirectUrls.slug("/r/Ana-10_x", "")).isEqualTo("Ana-10_x");
        assertThat(RedirectUrls.slug("/r/ana10/", "")).isEqualTo("ana10");
        assertThat(RedirectUrls.slug("/app/r/ana10", "/app")).isEqualTo("ana10");
        assertThat(RedirectUrls.slug("/r/ab", "")).isNull();
        assertThat(RedirectUrls.slug("/r/" + "a".repeat(65), "")).isNull();
        assertThat(RedirectUrls.slug("/r/a%2Fb", "")).isNull();
        assertThat(RedirectUrls.slug("/r/a/b/c", "")).isNull();
    }

    @Test
    void theClickCookieIsFoundAmongOthers() {
        assertThat(Redirect.cookie("xtnd_click=no; tnd_click=yes; other=1", "tnd_click")).isEqualTo("yes");
        assertThat(Redirect.cookie("tnd_click=first;tandem_lang=es", "tandem_lang")).isEqualTo("es");
        assertThat(Redirect.cookie("xtnd_click=no", "tnd_click")).isNull();
        assertThat(Redirect.cookie(null, "tnd_click")).isNull();
    }

    @Test
    void aQueryParameterIsReadDecodedFirstOneWinning() {
        assertThat(RedirectUrls.parameter("a=1&lang=es&lang=it", "lang")).isEqualTo("es");
        assertThat(RedirectUrls.parameter("l%61ng=pt-BR", "lang")).isEqualTo("pt-BR");
        assertThat(RedirectUrls.parameter("xlang=es&lang", "lang")).isEmpty();
        assertThat(RedirectUrls.parameter("xlang=es", "lang")).isNull();
        assertThat(RedirectUrls.parameter(null, "lang")).isNull();
    }

    @Test
    void thePagesLanguageIsTheOneAskedForThenTheRememberedOneThenTheBrowsers() {
        assertThat(RedirectPages.locale("lang=nb", "tandem_lang=es", "it")).isEqualTo(java.util.Locale.forLanguageTag("nb"));
        assertThat(RedirectPages.locale(null, "a=b; tandem_lang=es", "it")).isEqualTo(java.util.Locale.forLanguageTag("es"));
        assertThat(RedirectPages.locale("lang=xx", null, "fr, pt-BR;q=0.9")).isEqualTo(java.util.Locale.forLanguageTag("pt"));
        assertThat(RedirectPages.locale(null, null, "fr")).isEqualTo(java.util.Locale.ENGLISH);
    }
}
