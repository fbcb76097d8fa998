package vn.sen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesInSyncTest {

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = MessagesInSyncTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void vietnamese_and_english_have_the_same_keys() throws IOException {
        var vi = load("messages_vi.properties");
        var en = load("messages_en.properties");
        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    }

    /** A key written twice silently keeps the last text: one of the two screens shows the wrong words. */
    @Test
    void no_key_is_written_twice() throws IOException {
        for (String name : java.util.List.of("messages_vi.properties", "messages_en.properties")) {
            var seen = new java.util.HashSet<String>();
            var twice = new java.util.ArrayList<String>();
            try (var in = MessagesInSyncTest.class.getResourceAsStream("/" + name)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    int equals = line.indexOf('=');
                    if (line.isBlank() || line.startsWith("#") || equals < 0) {
                        continue;
                    }
                    String key = line.substring(0, equals).strip();
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
            }
            assertThat(twice).as(name).isEmpty();
        }
    }
}
