package dev.tandem.tracking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.tracking.internal.LinkCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The redirect's cache follows changes made anywhere: here through a connection of another
 * "node" (not the application's pool), reaching the cache only through NOTIFY.
 */
class LinkCacheTest extends RedirectTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    LinkCache cache;

    @Test
    void aLinkCreatedAndChangedElsewhereIsFollowed() throws SQLException {
        Scene scene = scene("Elsewhere");
        String slug = "Else" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        try (Connection other = otherNode()) {
            execute(other, "insert into link (workspace_id, id, program_id, partner_id, slug, destination, created_at)"
                    + " values (?, ?, ?, ?, ?, 'https://shop.acme.test/one', now())", scene, id, slug);
            await().atMost(Duration.ofSeconds(30)).until(() -> cache.holds(slug.toLowerCase()));
            assertThat(location("/r/" + slug.toLowerCase())).startsWith("https://shop.acme.test/one?tnd_click=");

            update(other, "update link set destination = 'https://shop.acme.test/two' where id = '" + id + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> location("/r/" + slug).startsWith("https://shop.acme.test/two?"));

            update(other, "update link set slug = 'renamed-" + slug + "' where id = '" + id + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + slug).statusCode() == 404);
            assertThat(get("/r/renamed-" + slug).statusCode()).isEqualTo(302);

            update(other, "update link set disabled_at = now() where id = '" + id + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/renamed-" + slug).statusCode() == 410);
        }
    }

    @Test
    void programChangesElsewhereReachEveryLinkOfTheProgram() throws SQLException {
        Scene scene = scene("Program change");
        Link first = link(scene, null);
        Link second = link(scene, "https://shop.acme.test/own");
        assertThat(location("/r/" + first.slug())).startsWith("https://acme.test/?");
        UUID program = scene.setup().program().id().value();

        try (Connection other = otherNode()) {
            update(other, "update program set default_destination = 'https://acme.test/new' where id = '" + program + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> location("/r/" + first.slug()).startsWith("https://acme.test/new?"));
            assertThat(location("/r/" + second.slug())).startsWith("https://shop.acme.test/own?");

            update(other, "update program set fallback_destination = 'https://acme.test/over', archived_at = now()"
                    + " where id = '" + program + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> "https://acme.test/over".equals(location("/r/" + second.slug())));
            assertThat(location("/r/" + first.slug())).isEqualTo("https://acme.test/over");
        }
    }

    @Test
    void aLinkWhoseNotificationHasNotArrivedIsFoundInTheDatabase() throws SQLException {
        Scene scene = scene("Not yet notified");
        String slug = "quiet" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(get("/r/" + slug).statusCode()).isEqualTo(404);
        try (Connection other = otherNode()) {
            // replica mode skips triggers: no notification, as if it were still on its way
            update(other, "set session_replication_role = replica");
            execute(other, "insert into link (workspace_id, id, program_id, partner_id, slug, created_at)"
                    + " values (?, ?, ?, ?, ?, now())", scene, UUID.randomUUID(), slug);
        }
        // a miss is remembered for a few seconds, then the database is asked again
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + slug).statusCode() == 302);
    }

    @Test
    void theCacheReconnectsAfterLosingItsNotificationConnection() throws SQLException {
        Scene scene = scene("Reconnect");
        try (Connection other = otherNode()) {
            assertThat(count(other, "with cut as materialized (select pg_terminate_backend(pid) as done"
                    + " from pg_stat_activity where query = 'listen tandem_link') select count(*) from cut where done"))
                    .as("the cache's listening connection was cut").isPositive();
            // while it is away, a link is created: the reconnection's full load brings it
            String during = "during" + UUID.randomUUID().toString().substring(0, 8);
            execute(other, "insert into link (workspace_id, id, program_id, partner_id, slug, created_at)"
                    + " values (?, ?, ?, ?, ?, now())", scene, UUID.randomUUID(), during);
            await().atMost(Duration.ofSeconds(20)).until(() -> cache.holds(during));

            String later = "later" + UUID.randomUUID().toString().substring(0, 8);
            execute(other, "insert into link (workspace_id, id, program_id, partner_id, slug, created_at)"
                    + " values (?, ?, ?, ?, ?, now())", scene, UUID.randomUUID(), later);
            await().atMost(Duration.ofSeconds(20)).until(() -> cache.holds(later));
        }
    }

    private String location(String path) {
        return get(path).headers().firstValue("Location").orElse("");
    }

    private Connection otherNode() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static void execute(Connection c, String sql, Scene scene, UUID id, String slug) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, scene.setup().workspace().value());
            s.setObject(2, id);
            s.setObject(3, scene.setup().program().id().value());
            s.setObject(4, scene.member().partner().id().value());
            s.setString(5, slug);
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
