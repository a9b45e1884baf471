package dev.tandem.integration.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.AtRestCipher;
import dev.tandem.integration.PromotionCodeMapping;
import dev.tandem.integration.StripeAccount;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each workspace's Stripe endpoint key and signing secret (stored encrypted, bound to the
 * workspace), and its promotion codes mapped to Tandem codes.
 */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "workspace_id, endpoint_key, signing_secret, signing_secret_sealed,"
            + " secret_set_at";

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;

    AccountRepository(JdbcClient jdbc, AtRestCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Creates the workspace's account with this endpoint key unless it has one; a second caller changes nothing. */
    public void insertIfAbsent(WorkspaceId workspace, String endpointKey, Instant now) {
        jdbc.sql("insert into stripe_account (workspace_id, endpoint_key, created_at) values (?, ?, ?)"
                        + " on conflict (workspace_id) do nothing")
                .params(workspace.value(), endpointKey, Timestamp.from(now))
                .update();
    }

    public Optional<StripeAccount> find(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from stripe_account where workspace_id = ?")
                .param(workspace.value())
                .query(this::account).optional();
    }

    public Optional<StripeAccount> byEndpointKey(String endpointKey) {
        return jdbc.sql("select " + COLUMNS + " from stripe_account where endpoint_key = ?")
                .param(endpointKey)
                .query(this::account).optional();
    }

    public void setSigningSecret(WorkspaceId workspace, String secret, Instant now) {
        jdbc.sql("update stripe_account set signing_secret = null, signing_secret_sealed = ?, secret_set_at = ?"
                        + " where workspace_id = ?")
                .params(seal(workspace, secret), Timestamp.from(now), workspace.value())
                .update();
    }

    /** Refuses to go on when a sealed secret was encrypted with a key this node does not have. */
    public void requireKnownKeys() {
        cipher.requireKnownKeys(jdbc.sql("select distinct substring(signing_secret_sealed from 1 for 5) from stripe_account"
                + " where signing_secret_sealed is not null").query(byte[].class).list(), "Stripe signing secrets");
    }

    /** Seals secrets stored in clear (before they were encrypted); answers how many. */
    public int sealClearSecrets() {
        List<Object[]> clear = jdbc.sql("select workspace_id, signing_secret from stripe_account"
                        + " where signing_secret is not null")
                .query((rs, n) -> new Object[] {new WorkspaceId(rs.getObject(1, UUID.class)), rs.getString(2)}).list();
        for (Object[] row : clear) {
            WorkspaceId workspace = (WorkspaceId) row[0];
            jdbc.sql("update stripe_account set signing_secret = null, signing_secret_sealed = ? where workspace_id = ?"
                            + " and signing_secret = ?")
                    .params(seal(workspace, (String) row[1]), workspace.value(), row[1]).update();
        }
        return clear.size();
    }

    private byte[] seal(WorkspaceId workspace, String secret) {
        return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(workspace));
    }

    private static String context(WorkspaceId workspace) {
        return "stripe_account/" + workspace.value();
    }

    /** Maps the promotion code, or moves it to another code when it was mapped before. */
    public void mapPromotionCode(WorkspaceId workspace, String promotionCodeId, String code, Instant now) {
        jdbc.sql("insert into stripe_promotion_code (workspace_id, promotion_code_id, code, created_at)"
                        + " values (?, ?, ?, ?) on conflict (workspace_id, promotion_code_id)"
                        + " do update set code = excluded.code, created_at = excluded.created_at")
                .params(workspace.value(), promotionCodeId, code, Timestamp.from(now))
                .update();
    }

    /** @return whether there was such a mapping */
    public boolean unmapPromotionCode(WorkspaceId workspace, String promotionCodeId) {
        return jdbc.sql("delete from stripe_promotion_code where workspace_id = ? and promotion_code_id = ?")
                .params(workspace.value(), promotionCodeId)
                .update() > 0;
    }

    /** The Tandem code of the first of these promotion codes that is mapped, in their order. */
    public Optional<String> codeOf(WorkspaceId workspace, List<String> promotionCodeIds) {
        if (promotionCodeIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select code from stripe_promotion_code p join unnest(?::text[]) with ordinality as wanted(id, n)"
                        + " on p.promotion_code_id = wanted.id where p.workspace_id = ? order by wanted.n limit 1")
                .params(promotionCodeIds.toArray(String[]::new), workspace.value())
                .query(String.class).optional();
    }

    public List<PromotionCodeMapping> promotionCodes(WorkspaceId workspace) {
        return jdbc.sql("select promotion_code_id, code, created_at from stripe_promotion_code where workspace_id = ?"
                        + " order by created_at desc, promotion_code_id")
                .param(workspace.value())
                .query((rs, row) -> new PromotionCodeMapping(rs.getString("promotion_code_id"), rs.getString("code"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private StripeAccount account(ResultSet rs, int row) throws SQLException {
        Timestamp setAt = rs.getTimestamp("secret_set_at");
        WorkspaceId workspace = new WorkspaceId(rs.getObject("workspace_id", UUID.class));
        byte[] sealed = rs.getBytes("signing_secret_sealed");
        String secret = sealed != null ? new String(cipher.decrypt(sealed, context(workspace)), StandardCharsets.UTF_8)
                : rs.getString("signing_secret");
        return new StripeAccount(workspace, rs.getString("endpoint_key"), secret, setAt == null ? null : setAt.toInstant());
    }
}
