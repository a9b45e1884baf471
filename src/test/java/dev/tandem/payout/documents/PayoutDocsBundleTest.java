package dev.tandem.payout.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.core.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word on a payout document exists in all five languages. */
class PayoutDocsBundleTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyExistsInEveryLanguage(Language language) throws IOException {
        Properties english = load(Language.EN);
        Properties translated = load(language);

        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        translated.forEach((key, text) -> assertThat((String) text).as("%s in %s", key, language).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theBundleLoadsAsUtf8InTheReadersLanguage(Language language) throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/payoutdocs", language.locale());

        assertThat(bundle.getString("invoice.selfBilling")).isEqualTo(load(language).getProperty("invoice.selfBilling"));
        assertThat(bundle.getString("doc.page")).doesNotContain("\uFFFD");
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
