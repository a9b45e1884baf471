package dev.tandem.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import dev.tandem.core.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text a user can see exists in all five languages, and every placeholder survives translation. */
class MessagesTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyExistsInEveryLanguage(Language language) throws IOException {
        Properties english = load(Language.EN);
        Properties translated = load(language);

        assertThat(new TreeSet<>(translated.stringPropertyNames()))
                .as("keys of messages_%s.properties", language.tag())
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as("%s in %s", key, language.tag()).isNotBlank();
            assertThat(placeholders(text)).as("placeholders of %s in %s", key, language.tag())
                    .isEqualTo(placeholders(english.getProperty(key)));
            if (!placeholders(text).isEmpty()) {
                // formatted messages must survive MessageFormat (a lone apostrophe would swallow the rest)
                assertThat(new MessageFormat(text).format(new Object[] {"X", "Y"})).contains("X");
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\{\\d}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(Language language) throws IOException {
        String file = "/messages_" + language.tag() + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
