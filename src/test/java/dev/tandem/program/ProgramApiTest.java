package dev.tandem.program;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramApiTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    StaffAccounts accounts;

    private Fixtures.Tenant acme;
    private ApiClient api;

    @BeforeEach
    void workspaceWithKey() {
        acme = fixtures.tenant("Acme");
        api = api(acme.apiKey());
    }

    @Test
    void aProgramIsCreatedWithOneDefaultTierAndReadBack() {
        ApiClient.Answer created = api.post("/api/v1/programs", """
                {"name": "Acme Ambassadors", "type": "referral", "currency": "eur",
                 "attribution": {"model": "first_click", "windowDays": 60},
                 "defaultDestination": "https://acme.test/welcome",
                 "allowedHosts": ["shop.acme.test", "Docs.Acme.test"],
                 "commissionSummary": "20% of every sale in the first year"}
                """);

        assertThat(created.status()).isEqualTo(201);
        JsonNode program = created.json();
        String id = program.get("id").asString();
        assertThat(id).startsWith("prg_");
        assertThat(program.get("name").asString()).isEqualTo("Acme Ambassadors");
        assertThat(program.get("type").asString()).isEqualTo("referral");
        assertThat(program.get("currency").asString()).isEqualTo("EUR");
        assertThat(program.get("attribution").get("model").asString()).isEqualTo("first_click");
        assertThat(program.get("attribution").get("windowDays").asInt()).isEqualTo(60);
        assertThat(program.get("defaultDestination").asString()).isEqualTo("https://acme.test/welcome");
        assertThat(texts(program.get("allowedHosts"))).containsExactly("shop.acme.test", "docs.acme.test");
        assertThat(program.get("slug").asString()).startsWith("acme-ambassadors");
        assertThat(program.get("applicationUrl").asString()).isEqualTo("/p/" + program.get("slug").asString());
        assertThat(program.get("archived").asBoolean()).isFalse();
        assertThat(program.get("tiers")).hasSize(1);
        assertThat(program.get("tiers").get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(program.get("tiers").get(0).get("id").asString()).startsWith("tir_");

        ApiClient.Answer read = api.get("/api/v1/programs/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(program);
        assertThat(api.get("/api/v1/programs").json().get("data")).extracting(p -> p.get("id").asString()).contains(id);
    }

    @Test
    void aFallbackDestinationAndLifetimeBindingAreSetAndValidatedWithTheProgram() {
        ApiClient.Answer created = api.post("/api/v1/programs", """
                {"name": "Fallback", "type": "affiliate", "currency": "EUR",
                 "attribution": {"model": "last_click", "windowDays": 30, "lifetimeBinding": false},
                 "defaultDestination": "https://acme.test/", "allowedHosts": ["shop.acme.test"],
                 "fallbackDestination": "https://shop.acme.test/partners-closed"}
                """);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("fallbackDestination").asString()).isEqualTo("https://shop.acme.test/partners-closed");
        assertThat(created.json().get("attribution").get("lifetimeBinding").asBoolean()).isFalse();
        String id = created.json().get("id").asString();

        ApiClient.Answer foreign = api.patch("/api/v1/programs/" + id, """
                {"fallbackDestination": "https://elsewhere.test/"}
                """);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("fallbackDestination");
        assertThat(api.get("/api/v1/programs/" + id).json().get("fallbackDestination").asString())
                .as("a rejected change leaves the stored one").isEqualTo("https://shop.acme.test/partners-closed");

        ApiClient.Answer moved = api.patch("/api/v1/programs/" + id, """
                {"fallbackDestination": "https://shop.acme.test/closed"}
                """);
        assertThat(moved.json().get("fallbackDestination").asString()).isEqualTo("https://shop.acme.test/closed");
        assertThat(moved.json().get("attribution").get("lifetimeBinding").asBoolean())
                .as("lifetime binding not sent: kept").isFalse();

        ApiClient.Answer cleared = api.patch("/api/v1/programs/" + id, """
                {"fallbackDestination": "", "attribution": {"lifetimeBinding": true}}
                """);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("fallbackDestination").isNull()).isTrue();
        assertThat(cleared.json().get("attribution").get("lifetimeBinding").asBoolean()).isTrue();

        int before = jdbc.sql("select count(*) from program where workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(Integer.class).single();
        ApiClient.Answer refused = api.post("/api/v1/programs", """
                {"name": "Refused", "type": "affiliate", "currency": "EUR", "defaultDestination": "https://acme.test/",
                 "fallbackDestination": "https://evil.test/"}
                """);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from program where workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(Integer.class).single())
                .as("a program with a bad fallback is not half-created").isEqualTo(before);
    }

    @Test
    void theListIsPagedOldestFirstWithLimitAndStartingAfter() {
        String first = create("Page one", null).json().get("id").asString();
        String second = create("Page two", null).json().get("id").asString();
        String third = create("Page three", null).json().get("id").asString();

        JsonNode page1 = api.get("/api/v1/programs?limit=2").json();
        JsonNode page2 = api.get("/api/v1/programs?limit=2&starting_after=" + second).json();

        assertThat(page1.get("data")).extracting(p -> p.get("id").asString()).containsExactly(first, second);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(page2.get("data")).extracting(p -> p.get("id").asString()).containsExactly(third);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        ApiClient.Answer badLimit = api.get("/api/v1/programs?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void theAttributionWindowDefaultsToNinetyDaysOfLastClick() {
        JsonNode program = create("Defaults", null).json();

        assertThat(program.get("attribution").get("model").asString()).isEqualTo("last_click");
        assertThat(program.get("attribution").get("windowDays").asInt()).isEqualTo(90);
    }

    @Test
    void anInvalidBodyIsRefusedNamingEveryBadFieldAndNothingIsStored() {
        ApiClient.Answer refused = api.post("/api/v1/programs", """
                {"type": "affiliate", "currency": "EURO", "attribution": {"model": "last_click", "windowDays": 0},
                 "defaultDestination": "ftp://x"}
                """);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "currency", "defaultDestination", "attribution.windowDays");
        assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(problem.get("errors")).noneSatisfy(e -> assertThat(e.has("code")).isTrue());
        assertThat(programsOf(acme)).isZero();
    }

    @Test
    void aSlugAlreadyTakenByAnyWorkspaceIsRefusedOnTheSlugField() {
        String slug = "partners-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(create("First", slug).status()).isEqualTo(201);
        Fixtures.Tenant globex = fixtures.tenant("Globex");

        ApiClient.Answer taken = api(globex.apiKey()).post("/api/v1/programs", body("Second", slug));

        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asString()).isEqualTo("slug");
            assertThat(e.get("message").asString()).isEqualTo("is already used by another program");
        });
        assertThat(programsOf(globex)).isZero();
    }

    @Test
    void aMalformedSlugIsRefused() {
        ApiClient.Answer refused = create("Bad slug", "No Spaces!");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly("slug");
    }

    @Test
    void tiersAreAddedWithUniqueNamesAndTheFirstStaysDefault() {
        String id = create("Tiered", null).json().get("id").asString();

        ApiClient.Answer gold = api.post("/api/v1/programs/" + id + "/tiers",
                "{\"name\": \"Gold\", \"goals\": \"10 customers a year\", \"perks\": \"Co-marketing\"}");
        ApiClient.Answer again = api.post("/api/v1/programs/" + id + "/tiers", "{\"name\": \" gold \"}");

        assertThat(gold.status()).isEqualTo(201);
        assertThat(gold.json().get("id").asString()).startsWith("tir_");
        assertThat(gold.json().get("isDefault").asBoolean()).isFalse();
        assertThat(gold.json().get("goals").asString()).isEqualTo("10 customers a year");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        JsonNode tiers = api.get("/api/v1/programs/" + id).json().get("tiers");
        assertThat(tiers).extracting(t -> t.get("name").asString()).containsExactly("Registered", "Gold");
        assertThat(tiers).extracting(t -> t.get("isDefault").asBoolean()).containsExactly(true, false);
    }

    @Test
    void publishingAgainAddsVersionTwoAndLeavesVersionOneExactlyAsItWas() throws Exception {
        String id = create("Agreed", null).json().get("id").asString();
        String v1Text = "## Commission terms\n\n20% of every sale.\n";
        String v2Text = "## Commission terms\n\n25% of every sale.\n";

        ApiClient.Answer v1 = publish(id, null, "Partner terms", v1Text);
        ApiClient.Answer v2 = publish(id, null, "Partner terms 2027", v2Text);

        assertThat(v1.status()).isEqualTo(201);
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v1.json().get("id").asString()).startsWith("agr_");
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v1.json().get("textSha256").asString()).isEqualTo(sha256(v1Text));
        assertThat(v2.json().get("textSha256").asString()).isEqualTo(sha256(v2Text));

        JsonNode history = api.get("/api/v1/programs/" + id + "/agreements").json().get("data");
        assertThat(history).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
        JsonNode first = history.get(1);
        assertThat(first).isEqualTo(v1.json());
        assertThat(first.get("body").asString()).isEqualTo(v1Text);
        assertThat(first.get("title").asString()).isEqualTo("Partner terms");
        assertThat(first.get("tierId").isNull()).isTrue();
    }

    @Test
    void aTierGetsItsOwnAgreementStreamStartingAtVersionOne() {
        JsonNode program = create("Tier terms", null).json();
        String id = program.get("id").asString();
        String gold = api.post("/api/v1/programs/" + id + "/tiers", "{\"name\": \"Gold\"}").json().get("id").asString();
        publish(id, null, "Everyone", "For all partners.");
        publish(id, null, "Everyone, again", "For all partners, revised.");

        ApiClient.Answer goldTerms = publish(id, gold, "Gold terms", "Only for Gold partners.");

        assertThat(goldTerms.status()).isEqualTo(201);
        assertThat(goldTerms.json().get("version").asInt()).isEqualTo(1);
        assertThat(goldTerms.json().get("tierId").asString()).isEqualTo(gold);
        JsonNode history = api.get("/api/v1/programs/" + id + "/agreements").json().get("data");
        assertThat(history).extracting(v -> v.get("title").asString() + " v" + v.get("version").asInt())
                .containsExactly("Everyone, again v2", "Everyone v1", "Gold terms v1");
    }

    @Test
    void anAgreementNeedsATitleAndText() {
        String id = create("Empty terms", null).json().get("id").asString();

        assertThat(publish(id, null, " ", "Some text").json().get("errors").get(0).get("field").asString())
                .isEqualTo("title");
        assertThat(publish(id, null, "Title", "  ").json().get("errors").get(0).get("field").asString())
                .isEqualTo("body");
        assertThat(api.get("/api/v1/programs/" + id + "/agreements").json().get("data")).isEmpty();
    }

    @Test
    void aTierOfAnotherProgramCannotGetThisProgramsAgreement() {
        String id = create("Mine", null).json().get("id").asString();
        String otherTier = create("Other", null).json().get("tiers").get(0).get("id").asString();

        ApiClient.Answer refused = publish(id, otherTier, "Terms", "Text");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/programs/" + id + "/agreements").json().get("data")).isEmpty();
    }

    @Test
    void aChoiceQuestionNeedsTwoOptions() {
        String id = create("Questions", null).json().get("id").asString();

        ApiClient.Answer oneOption = api.post("/api/v1/programs/" + id + "/questions",
                "{\"label\": \"Where will you promote us?\", \"kind\": \"choice\", \"options\": [\"Blog\", \" Blog \", \"\"]}");
        ApiClient.Answer twoOptions = api.post("/api/v1/programs/" + id + "/questions",
                "{\"label\": \"Where will you promote us?\", \"kind\": \"choice\", \"options\": [\"Blog\", \"Newsletter\"],"
                        + " \"required\": true}");
        ApiClient.Answer text = api.post("/api/v1/programs/" + id + "/questions",
                "{\"label\": \"Tell us about your audience\", \"kind\": \"text\", \"options\": [\"ignored\"]}");

        assertThat(oneOption.status()).isEqualTo(422);
        assertThat(oneOption.json().get("errors").get(0).get("field").asString()).isEqualTo("options");
        assertThat(twoOptions.status()).isEqualTo(201);
        assertThat(twoOptions.json().get("id").asString()).startsWith("qst_");
        assertThat(texts(twoOptions.json().get("options"))).containsExactly("Blog", "Newsletter");
        assertThat(twoOptions.json().get("required").asBoolean()).isTrue();
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.json().get("options")).isEmpty();
        assertThat(text.json().get("required").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/programs/" + id + "/questions").json().get("data"))
                .extracting(q -> q.get("label").asString())
                .containsExactly("Where will you promote us?", "Tell us about your audience");
    }

    @Test
    void anUnknownQuestionKindIsRefusedOnTheKindField() {
        String id = create("Kinds", null).json().get("id").asString();

        ApiClient.Answer refused = api.post("/api/v1/programs/" + id + "/questions",
                "{\"label\": \"Really?\", \"kind\": \"essay\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void criteriaWeighAttributesOrAnswersFromOneToTen() {
        String id = create("Profile", null).json().get("id").asString();
        String question = api.post("/api/v1/programs/" + id + "/questions",
                "{\"label\": \"Do you sell B2B?\", \"kind\": \"yes_no\"}").json().get("id").asString();

        ApiClient.Answer industry = api.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"industry\", \"expectedValues\": [\"SaaS\", \" \"], \"weight\": 6}");
        ApiClient.Answer answer = api.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"question\", \"questionId\": \"" + question + "\", \"expectedValues\": [\"yes\"], \"weight\": 4}");
        ApiClient.Answer tooHeavy = api.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"region\", \"expectedValues\": [\"Spain\"], \"weight\": 11}");
        ApiClient.Answer noValues = api.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"region\", \"expectedValues\": [], \"weight\": 3}");
        ApiClient.Answer noQuestion = api.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"question\", \"expectedValues\": [\"yes\"], \"weight\": 3}");

        assertThat(industry.status()).isEqualTo(201);
        assertThat(industry.json().get("id").asString()).startsWith("fit_");
        assertThat(texts(industry.json().get("expectedValues"))).containsExactly("SaaS");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("questionId").asString()).isEqualTo(question);
        assertThat(tooHeavy.status()).isEqualTo(422);
        assertThat(tooHeavy.json().get("errors").get(0).get("field").asString()).isEqualTo("weight");
        assertThat(noValues.json().get("errors").get(0).get("field").asString()).isEqualTo("expectedValues");
        assertThat(noQuestion.json().get("errors").get(0).get("field").asString()).isEqualTo("questionId");
        assertThat(api.get("/api/v1/programs/" + id + "/fit-criteria").json().get("data"))
                .extracting(c -> c.get("attribute").asString() + ":" + c.get("weight").asInt())
                .containsExactly("industry:6", "question:4");
    }

    @Test
    void patchingChangesWhatMayChangeAndKeepsTypeCurrencyAndSlug() {
        JsonNode program = create("Before", null).json();
        String id = program.get("id").asString();

        ApiClient.Answer patched = api.patch("/api/v1/programs/" + id,
                "{\"name\": \"After\", \"attribution\": {\"windowDays\": 30}, \"type\": \"affiliate\", \"currency\": \"USD\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asString()).isEqualTo("After");
        assertThat(patched.json().get("attribution").get("windowDays").asInt()).isEqualTo(30);
        assertThat(patched.json().get("attribution").get("model").asString()).isEqualTo("last_click");
        assertThat(patched.json().get("type").asString()).isEqualTo("referral");
        assertThat(patched.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(patched.json().get("slug").asString()).isEqualTo(program.get("slug").asString());
    }

    @Test
    void anotherWorkspacesKeyFindsNothingAndChangesNothing() {
        JsonNode program = create("Private", null).json();
        String id = program.get("id").asString();
        ApiClient globex = api(fixtures.tenant("Globex").apiKey());

        assertThat(globex.get("/api/v1/programs/" + id).status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/programs/" + id + "/agreements").status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/programs/" + id + "/questions").status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/programs/" + id + "/fit-criteria").status()).isEqualTo(404);
        assertThat(globex.patch("/api/v1/programs/" + id, "{\"name\": \"Stolen\"}").status()).isEqualTo(404);
        assertThat(globex.post("/api/v1/programs/" + id + "/tiers", "{\"name\": \"Gold\"}").status()).isEqualTo(404);
        assertThat(globex.post("/api/v1/programs/" + id + "/agreements", "{\"title\": \"T\", \"body\": \"B\"}").status())
                .isEqualTo(404);
        assertThat(globex.post("/api/v1/programs/" + id + "/questions", "{\"label\": \"Q\", \"kind\": \"text\"}").status())
                .isEqualTo(404);
        assertThat(globex.post("/api/v1/programs/" + id + "/fit-criteria",
                "{\"attribute\": \"industry\", \"expectedValues\": [\"x\"], \"weight\": 1}").status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/programs").json().get("data")).isEmpty();

        assertThat(api.get("/api/v1/programs/" + id).json()).isEqualTo(program);
        assertThat(api.get("/api/v1/programs/" + id + "/agreements").json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/programs/" + id + "/questions").json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/programs/" + id + "/fit-criteria").json().get("data")).isEmpty();
    }

    @Test
    void aReadOnlyKeyReadsProgramsButMayNotCreateOrChangeThem() {
        String id = create("Read only", null).json().get("id").asString();
        String readKey = apiKeys.create(accounts.loadUserByUsername(acme.ownerEmail()), "Reports", Set.of("read")).secret();
        ApiClient reader = api(readKey);

        assertThat(reader.get("/api/v1/programs/" + id).status()).isEqualTo(200);
        ApiClient.Answer refused = reader.post("/api/v1/programs", body("Not allowed", null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(reader.post("/api/v1/programs/" + id + "/tiers", "{\"name\": \"Gold\"}").status()).isEqualTo(403);
        assertThat(reader.post("/api/v1/programs/" + id + "/agreements", "{\"title\": \"T\", \"body\": \"B\"}").status())
                .isEqualTo(403);
        assertThat(reader.patch("/api/v1/programs/" + id, "{\"name\": \"Renamed\"}").status()).isEqualTo(403);
        assertThat(programsOf(acme)).isEqualTo(1);
        assertThat(api.get("/api/v1/programs/" + id).json().get("name").asString()).isEqualTo("Read only");
        assertThat(api.get("/api/v1/programs/" + id).json().get("tiers")).hasSize(1);
    }

    private ApiClient.Answer create(String name, String slug) {
        ApiClient.Answer answer = api.post("/api/v1/programs", body(name, slug));
        return answer;
    }

    private static String body(String name, String slug) {
        return """
                {"name": "%s", "type": "referral", "currency": "EUR", "defaultDestination": "https://acme.test/"%s}
                """.formatted(name, slug == null ? "" : ", \"slug\": \"" + slug + "\"");
    }

    private ApiClient.Answer publish(String programId, String tierId, String title, String text) {
        String tier = tierId == null ? "" : "\"tierId\": \"" + tierId + "\", ";
        return api.post("/api/v1/programs/" + programId + "/agreements",
                "{" + tier + "\"title\": \"" + title + "\", \"body\": \"" + text.replace("\n", "\\n") + "\"}");
    }

    private long programsOf(Fixtures.Tenant tenant) {
        return jdbc.sql("select count(*) from program where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(Long.class).single();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
