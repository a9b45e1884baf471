package dev.tandem.tracking.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The click writer with its spill directory under the data directory, and its figures for monitoring. */
@Configuration(proxyBeanMethods = false)
class ClickConfiguration {

    /** Up to this many clicks wait in memory for the writer; beyond, they go to the spill file. */
    static final int QUEUE_CAPACITY = 100_000;

    /** On /actuator/prometheus: clicks stored, spilled to disk and replayed, and the queue's length. */
    @Bean
    MeterBinder clickMetrics(ClickWriter writer) {
        return registry -> {
            FunctionCounter.builder("tandem.clicks.stored", writer, ClickWriter::stored)
                    .description("Clicks written to the database by the click writer").register(registry);
            FunctionCounter.builder("tandem.clicks.spilled", writer, ClickWriter::spilled)
                    .description("Clicks written to the spill file (queue full or database away)").register(registry);
            FunctionCounter.builder("tandem.clicks.replayed", writer, ClickWriter::replayed)
                    .description("Clicks added to the database from spill files").register(registry);
            Gauge.builder("tandem.clicks.queued", writer, ClickWriter::queued)
                    .description("Clicks waiting in memory for the writer").register(registry);
        };
    }

    @Bean
    ClickWriter clickWriter(DataSource dataSource, Clock clock,
            @Value("${tandem.database.data-dir:./data}") Path dataDir) {
        return new ClickWriter(dataSource, new ClickSpill(dataDir.resolve("clicks-spill")),
                new ClickPartitions(dataSource, clock), QUEUE_CAPACITY, Duration.ofSeconds(5));
    }
}
