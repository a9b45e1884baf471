package dev.tandem.commission.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a partner earned per calendar month (UTC) and currency: cash commissions that still count
 * (pending, held, approved or paid; reversals and clawbacks net them), by when they happened. The
 * months add up to the partner's balances.
 */
@Repository
public class MonthlyEarnings {

    private final JdbcClient jdbc;

    MonthlyEarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Month(Currency currency, YearMonth month, long amount) {
    }

    /** Oldest month first; months without commissions are left out. */
    public List<Month> of(WorkspaceId workspace, PartnerId partner, Instant since) {
        return jdbc.sql("select currency, to_char(occurred_at at time zone 'UTC', 'YYYY-MM') as month, sum(amount)"
                        + " from commission where workspace_id = ? and partner_id = ? and reward_kind = 'cash'"
                        + " and status in ('pending', 'hold', 'approved', 'paid') and occurred_at >= ?"
                        + " group by currency, month order by month, currency")
                .params(workspace.value(), partner.value(), Timestamp.from(since))
                .query((rs, n) -> new Month(Currency.getInstance(rs.getString(1)), YearMonth.parse(rs.getString(2)),
                        rs.getLong(3)))
                .list();
    }
}
