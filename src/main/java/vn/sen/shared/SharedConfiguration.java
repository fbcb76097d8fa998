package vn.sen.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The clock every module reads "now" and "today" from (Vietnam time), and asynchronous event listeners
 * ({@code @ApplicationModuleListener}) switched on.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class SharedConfiguration {

    /** Vietnam has one time zone, UTC+7, and no daylight saving. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
