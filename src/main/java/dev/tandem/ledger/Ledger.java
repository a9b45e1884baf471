package dev.tandem.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced journal entries and answers balances. Every entry is named by its source (for
 * example a commission's status change), so posting the same source twice posts once. PostgreSQL
 * checks at commit that each entry balances per currency and refuses any change to what is posted.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    Ledger(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.jdbc = jdbc;
        this.writeBehind = writeBehind;
    }

    /**
     * Moves {@code amount} of the partner's money from one account to another (a negative amount
     * moves the other way), as one entry. False if this source was posted before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean move(WorkspaceId workspace, String sourceKey, String description, Instant at, PartnerId partner,
            Money amount, Account from, Account to) {
        if (from == to || amount.isZero()) {
            return false;
        }
        String currency = amount.currency().getCurrencyCode();
        if (writeBehind.holding()) {
            // held with the intake's other rows; a source posted before fails the whole group, which then goes one by one
            UUID entry = Ids.newId();
            writeBehind.insert("ledger_entry", "insert into ledger_entry (workspace_id, id, source_key, description,"
                    + " occurred_at) values (?, ?, ?, ?, ?)", workspace.value(), entry, sourceKey, description,
                    Timestamp.from(at));
            String posting = "insert into ledger_posting (workspace_id, entry_id, line, account, partner_id, currency,"
                    + " amount) values (?, ?, ?, ?, ?, ?, ?)";
            writeBehind.insert("ledger_posting", posting, workspace.value(), entry, 1, from.code(), partner.value(),
                    currency, -amount.amount());
            writeBehind.insert("ledger_posting", posting, workspace.value(), entry, 2, to.code(), partner.value(),
                    currency, amount.amount());
            return true;
        }
        // one statement: the entry, and its two postings only if the entry is new
        return jdbc.sql("with entry as (insert into ledger_entry (workspace_id, id, source_key, description, occurred_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (workspace_id, source_key) do nothing returning workspace_id, id)"
                        + " insert into ledger_posting (workspace_id, entry_id, line, account, partner_id, currency, amount)"
                        + " select entry.workspace_id, entry.id, p.line, p.account, ?, ?, p.amount from entry,"
                        + " (values (1, ?, ?::bigint), (2, ?, ?::bigint)) as p (line, account, amount)")
                .params(workspace.value(), Ids.newId(), sourceKey, description, Timestamp.from(at), partner.value(),
                        currency, from.code(), -amount.amount(), to.code(), amount.amount())
                .update() == 2;
    }

    /** The partner's balances, one per currency they have ever had money in, by currency code. */
    public List<Balance> balances(WorkspaceId workspace, PartnerId partner) {
        return collect(jdbc.sql("select partner_id, currency, account, sum(amount) as total from ledger_posting"
                        + " where workspace_id = ? and partner_id = ? and account <> 'commission_expense'"
                        + " group by partner_id, currency, account")
                .params(workspace.value(), partner.value()));
    }

    /** Every partner's balances in the workspace (the reconciliation reads them all at once). */
    public List<Balance> allBalances(WorkspaceId workspace) {
        return collect(jdbc.sql("select partner_id, currency, account, sum(amount) as total from ledger_posting"
                        + " where workspace_id = ? and account <> 'commission_expense'"
                        + " group by partner_id, currency, account")
                .params(workspace.value()));
    }

    /** The sum of every posting per currency: zero in each, or the books are broken. */
    public Map<Currency, Long> trialBalance(WorkspaceId workspace) {
        Map<Currency, Long> totals = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        jdbc.sql("select currency, sum(amount) as total from ledger_posting where workspace_id = ? group by currency")
                .param(workspace.value())
                .query((rs, n) -> totals.put(Currency.getInstance(rs.getString("currency")), rs.getLong("total")))
                .list();
        return totals;
    }

    private static List<Balance> collect(JdbcClient.StatementSpec query) {
        Map<String, Balance> byKey = new TreeMap<>();
        query.query((rs, n) -> {
            PartnerId partner = new PartnerId(rs.getObject("partner_id", UUID.class));
            Currency currency = Currency.getInstance(rs.getString("currency"));
            String key = partner.value() + "/" + currency.getCurrencyCode();
            Balance current = byKey.getOrDefault(key, Balance.zero(partner, currency));
            byKey.put(key, current.plus(Account.fromCode(rs.getString("account")),
                    new Money(rs.getLong("total"), currency)));
            return null;
        }).list();
        return new ArrayList<>(byKey.values());
    }
}
