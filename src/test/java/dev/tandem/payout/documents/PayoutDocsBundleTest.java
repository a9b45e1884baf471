package dev.tandem.payout.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.core.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents read their words with {@link ResourceBundle} (not Spring's message source), so the
 * bundle must load as UTF-8 in every language. That every key exists in every language is
 * MessagesTest's job: the bundle is one of the app's.
 */
class PayoutDocsBundleTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void theBundleLoadsAsUtf8InTheReadersLanguage(Language language) throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/payoutdocs", language.locale());

        assertThat(bundle.getString("invoice.selfBilling")).isEqualTo(load(language).getProperty("invoice.selfBilling"));
    }

    private static Properties load(Language language) throws IOException {
        String file = "/i18n/payoutdocs_" + language.tag() + ".properties";
        try (InputStream in = PayoutDocsBundleTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
