package dev.tandem.referral;

import java.time.Instant;
import java.util.List;

import dev.tandem.core.Ids;
import dev.tandem.partner.PartnerId;
import dev.tandem.tracking.LinkId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {

    private final PartnerId ana = new PartnerId(Ids.newId());
    private final PartnerId ben = new PartnerId(Ids.newId());
    private final LinkId anaLink = new LinkId(Ids.newId());
    private final LinkId benLink = new LinkId(Ids.newId());
    private final Instant at = Instant.parse("2026-03-02T09:00:00Z");

    private final Attribution benWon = new Attribution("last_click", ben, benLink, "last click 1 day before the sale",
            List.of(new Attribution.Touch("click", ana, anaLink, at, "lost", "a later touch won (last click)"),
                    new Attribution.Touch("click", ben, benLink, at.plusSeconds(60), "won", "latest click")));

    @Test
    void aPartnerSeesTheirOwnTouchesButNotWhoElseTouchedTheCustomer() {
        Attribution forAna = benWon.forPartner(ana);

        assertThat(forAna.partnerId()).isNull();
        assertThat(forAna.linkId()).isNull();
        assertThat(forAna.reason()).isEqualTo("another partner was credited");
        assertThat(forAna.touchpoints()).extracting(Attribution.Touch::partnerId).containsExactly(ana, null);
        assertThat(forAna.touchpoints()).extracting(Attribution.Touch::linkId).containsExactly(anaLink, null);
        assertThat(forAna.touchpoints()).extracting(Attribution.Touch::outcome).containsExactly("lost", "won");
        assertThat(forAna.touchpoints().get(0).why()).isEqualTo("a later touch won (last click)");
    }

    @Test
    void theWinningPartnerSeesWhyTheyWon() {
        Attribution forBen = benWon.forPartner(ben);

        assertThat(forBen.partnerId()).isEqualTo(ben);
        assertThat(forBen.linkId()).isEqualTo(benLink);
        assertThat(forBen.reason()).isEqualTo("last click 1 day before the sale");
        assertThat(forBen.touchpoints()).extracting(Attribution.Touch::partnerId).containsExactly(null, ben);
    }
}
