package vn.sen.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module reads "now" and "today" from: Vietnam time. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** Vietnam has one time zone, UTC+7, and no daylight saving. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
