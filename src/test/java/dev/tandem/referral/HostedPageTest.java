package dev.tandem.referral;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partners;
import dev.tandem.program.Programs;
import dev.tandem.referral.internal.LeadFormStamps;
import dev.tandem.referral.internal.LeadRateLimits;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.ReferralCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner's hosted referral page /p/{program}/{code}: what a visitor sees, what sending it stores, and what it refuses. */
class HostedPageTest extends SnippetTestBase {

    @Autowired
    LeadFormStamps stamps;

    @Autowired
    Programs programs;

    @Autowired
    Partners partners;

    ProgramFixtures.Setup s;
    ProgramFixtures.Member ana;
    UUID codeId;
    String code;
    String page;

    @BeforeEach
    void anaHasAReferralCode() {
        s = fixtures.program("Facturas Hosted");
        ana = fixtures.approvedPartner(s, "Ana Ruiz");
        ReferralCode referralCode = referralCode(s, ana);
        code = referralCode.code();
        codeId = referralCode.id().value();
        page = "/p/" + s.program().slug() + "/" + code;
    }

    @Test
    void thePageSpeaksTheVisitorsLanguageAndNamesOnlyThePartnersFirstName() {
        WebClient visitor = browser().acceptLanguage("es-ES,es;q=0.9");

        WebClient.Page shown = visitor.get(page);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("<html lang=\"es\"")
                .contains("Ana te invita a Facturas Hosted")
                .contains("We make invoicing easy for freelancers.")
                .contains("Ponte en contacto").contains("Tu nombre").contains("Empresa").contains("Mensaje")
                .contains("class=\"trap\"").contains("/css/hosted.css")
                .contains("name=\"_csrf\"").contains("name=\"stamp\"")
                .doesNotContain("style=\"")
                .as("the partner's last name is theirs to share").doesNotContain("Ruiz");
    }

    @Test
    void sendingTheFormStoresALeadCreditedToThePartnerAndThanksInTheVisitorsLanguage() {
        WebClient visitor = browser().acceptLanguage("es");
        visitor.get(page);

        WebClient.Page sent = visitor.post(page, form("Lucía Pérez", "Lucia@Estudio.test", "Estudio Pérez",
                "¿Tenéis facturas recurrentes?"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo(page + "/thanks");
        assertThat(visitor.get(sent.location()).body()).contains("Gracias")
                .contains("El equipo de Facturas Hosted tiene tus datos");
        List<Map<String, Object>> events = events(s);
        assertThat(events).hasSize(1);
        Map<String, Object> lead = events.get(0);
        assertThat(lead.get("type")).isEqualTo("lead");
        assertThat(lead.get("source")).isEqualTo("hosted_page");
        assertThat(lead.get("partner_id")).isEqualTo(ana.partner().id().value());
        assertThat(lead.get("program_id")).isEqualTo(s.program().id().value());
        assertThat(lead.get("email")).isEqualTo("lucia@estudio.test");
        assertThat(lead.get("name")).isEqualTo("Lucía Pérez");
        assertThat(lead.get("company")).isEqualTo("Estudio Pérez");
        assertThat((String) lead.get("metadata")).contains("¿Tenéis facturas recurrentes?").contains(page);
        Map<String, Object> referral = jdbc.sql("select partner_id, status from referral where workspace_id = ?")
                .param(s.workspace().value()).query().singleRow();
        assertThat(referral.get("partner_id")).isEqualTo(ana.partner().id().value());
        assertThat(referral.get("status")).isEqualTo("lead");
    }

    @Test
    void theClickIdOfTheLandingAddressTravelsWithTheLead() {
        LinkId link = link(s, ana);
        String clickId = clickId(s, link);
        WebClient visitor = browser();
        assertThat(visitor.get(page + "?tnd_click=" + clickId).body()).contains("value=\"" + clickId + "\"");

        Map<String, String> fields = form("Marta Gil", "marta@clients.test", "", "");
        fields.put("clickId", clickId);
        assertThat(visitor.post(page, fields).status()).isEqualTo(302);

        Map<String, Object> lead = events(s).get(0);
        assertThat(lead.get("click_token")).isEqualTo(clickId);
        assertThat(lead.get("partner_id")).isEqualTo(ana.partner().id().value());
    }

    @Test
    void missingNameAndABadEmailAreShownNextToTheFieldsAndNothingIsStored() {
        WebClient visitor = browser().acceptLanguage("es");
        visitor.get(page);

        WebClient.Page refused = visitor.post(page, form("", "lucia@", "", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Corrige los campos marcados.")
                .containsPattern("(?s)name=\"name\".{0,300}Tu nombre es obligatorio")
                .containsPattern("(?s)name=\"email\".{0,300}debe ser una dirección de correo electrónico")
                .contains("value=\"lucia@\"");
        assertThat(stored(s)).isZero();
    }

    @Test
    void aFilledHoneypotIsThankedAndDropped() {
        WebClient bot = browser();
        bot.get(page);
        Map<String, String> fields = form("Bot", "bot@spam.test", "", "buy now");
        fields.put("website", "https://spam.test");

        WebClient.Page sent = bot.post(page, fields);

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo(page + "/thanks");
        assertThat(stored(s)).isZero();
    }

    @Test
    void aFormSentWithinTwoSecondsOfShowingIsSentBackAndNothingIsStored() {
        WebClient bot = browser();
        String shown = bot.get(page).body();
        String freshStamp = shown.replaceAll("(?s).*name=\"stamp\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> fields = form("Quick Bot", "quick@spam.test", "", "");
        fields.put("stamp", freshStamp);

        WebClient.Page sent = bot.post(page, fields);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("That was very quick");
        assertThat(stored(s)).isZero();

        fields.put("stamp", "forged-" + freshStamp);
        assertThat(bot.post(page, fields).body()).as("a stamp that is not ours").contains("That was very quick");
        fields.put("stamp", stamps.issue(s.workspace(), UUID.randomUUID(), Instant.now().minusSeconds(60)));
        assertThat(bot.post(page, fields).body()).as("a stamp of another page").contains("That was very quick");
        assertThat(stored(s)).isZero();
    }

    @Test
    void theSixthFormFromOneAddressInTenMinutesIsRefusedPolitelyWith429() {
        WebClient visitor = browser();
        visitor.get(page);
        for (int i = 0; i < LeadRateLimits.PAGE_LIMIT; i++) {
            assertThat(visitor.post(page, form("", "x@y.test", "", "")).status()).isEqualTo(200);
        }

        WebClient.Page refused = visitor.post(page, form("Real Person", "real@person.test", "", ""));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many messages at once").contains("Please wait 10 minutes");
        assertThat(stored(s)).isZero();
    }

    @Test
    void unknownDisabledForeignAndArchivedInvitationsAnswerANotFoundPage() {
        WebClient visitor = browser().acceptLanguage("it");
        assertThat(visitor.get(page).status()).isEqualTo(200);
        assertThat(visitor.get("/p/" + s.program().slug() + "/NOPE-" + code).status()).isEqualTo(404);
        WebClient.Page unknown = visitor.get("/p/" + s.program().slug() + "/X" + code);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Questo invito non è valido");
        assertThat(visitor.get("/p/no-such-program/" + code).status()).isEqualTo(404);

        var other = fixtures.anotherProgram(s.tenant(), "Other Hosted");
        assertThat(visitor.get("/p/" + other.slug() + "/" + code).status()).as("a code of another program").isEqualTo(404);

        ProgramFixtures.Member bea = fixtures.approvedPartner(s, "Bea Disabled");
        ReferralCode disabled = referralCode(s, bea);
        codes.disable(s.workspace(), ProgramFixtures.MANAGER, disabled.id());
        assertThat(visitor.get("/p/" + s.program().slug() + "/" + disabled.code()).status()).isEqualTo(404);

        ProgramFixtures.Member cai = fixtures.approvedPartner(s, "Cai Suspended");
        String suspended = referralCode(s, cai).code();
        partners.transition(s.workspace(), ProgramFixtures.MANAGER, cai.enrollment().id(), EnrollmentStatus.SUSPENDED, "test");
        assertThat(visitor.get("/p/" + s.program().slug() + "/" + suspended).status()).as("a suspended partner").isEqualTo(404);

        programs.archive(s.workspace(), ProgramFixtures.MANAGER, s.program().id());
        assertThat(visitor.get(page).status()).as("an archived program").isEqualTo(404);
        assertThat(visitor.post(page, form("Late", "late@visitor.test", "", "")).status()).isEqualTo(404);
        assertThat(stored(s)).isZero();
    }

    /** The form as a person sends it, a few seconds after the page was shown. */
    private Map<String, String> form(String name, String email, String company, String message) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("company", company);
        fields.put("message", message);
        fields.put("stamp", stamps.issue(s.workspace(), codeId, Instant.now().minusSeconds(5)));
        fields.put("clickId", "");
        fields.put("website", "");
        return fields;
    }
}
