package dev.tandem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tandem: partner and referral programs, one deployable organised by feature modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TandemApplication {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("TANDEM_LOG_FORMAT"))) {
            // Elastic Common Schema: one JSON object per line, understood by most log shippers
            System.setProperty("logging.structured.format.console", "ecs");
        }
        SpringApplication.run(TandemApplication.class, args);
    }
}
