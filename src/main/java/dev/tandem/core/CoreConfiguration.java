package dev.tandem.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module reads the time from. It answers in microseconds, as PostgreSQL keeps
 * time: an instant a service answers with equals the one read back later.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return new MicrosecondClock();
    }

    /** The application's one way to PostgreSQL: every statement first writes what {@link WriteBehind} holds, if it could see it. */
    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcTemplate template, WriteBehind writeBehind) {
        JdbcClient plain = JdbcClient.create(template);
        return sql -> {
            writeBehind.beforeStatement(sql);
            return plain.sql(sql);
        };
    }

    /**
     * The system clock cut to microseconds. Not {@code Clock.tick(systemUTC(), 1 µs)}: on JDK 17 its
     * {@code millis()} divides by zero for ticks under a millisecond (libraries call it, e.g. Stripe's
     * signature check).
     */
    static final class MicrosecondClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(ZoneOffset.UTC) ? this : Clock.system(zone);
        }
    }
}
