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
}
