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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text a user can see exists in all five languages, and every placeholder survives translation. */
class MessagesTest {

    /** The shared bundle and the modules' own, as the app loads them; each must exist in all five languages. */
    static final Set<String> BUNDLES = ((ResourceBundleMessageSource) new WebConfiguration().messageSource())
            .getBasenameSet();

    static Stream<Arguments> bundlesAndLanguages() {
        return BUNDLES.stream().flatMap(b -> Stream.of(Language.values()).map(l -> Arguments.of(b, l)));
    }

    @Test
    void everyBundleOnTheClasspathIsLoadedByTheApp() throws IOException {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var resource : resolver.getResources("classpath*:i18n/*_en.properties")) {
            String bundle = "i18n/" + resource.getFilename().replace("_en.properties", "");
            assertThat(BUNDLES).as("bundle %s is loaded by WebConfiguration", bundle).contains(bundle);
        }
    }

    @ParameterizedTest
    @MethodSource("bundlesAndLanguages")
    void everyKeyExistsInEveryLanguage(String bundle, Language language) throws IOException {
        Properties english = load(bundle, Language.EN);
        Properties translated = load(bundle, language);

        assertThat(new TreeSet<>(translated.stringPropertyNames()))
                .as("keys of %s_%s.properties", bundle, language.tag())
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as("%s in %s", key, language.tag()).isNotBlank();
            assertThat(placeholders(text)).as("placeholders of %s in %s", key, language.tag())
                    .isEqualTo(placeholders(english.getProperty(key)));
            if (!placeholders(text).isEmpty()) {
                // formatted messages must survive MessageFormat (a lone apostrophe would swallow the rest)
                assertThat(new MessageFormat(text).format(new Object[] {"X", "Y"})).contains("X");
            } else {
                // a message without placeholders is shown as written: a doubled apostrophe would show twice
                assertThat(text).as("%s in %s", key, language.tag()).doesNotContain("''");
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

    private static Properties load(String bundle, Language language) throws IOException {
        String file = "/" + bundle + "_" + language.tag() + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
