package dev.tandem.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which Tandem sale a paid Stripe object (checkout session, invoice, payment intent, charge)
 * became, so that a refund or dispute naming a charge or payment intent finds the sale it takes back.
 */
@Repository
public class SaleMapRepository {

    private final JdbcClient jdbc;

    SaleMapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sale as Stripe knows it: its external id in Tandem and what Stripe took for it, tax included. */
    public record MappedSale(String stripeId, String saleExternalId, long paidAmount) {
    }

    /** Links each of these Stripe ids (nulls skipped) to the sale; an id linked before keeps its first sale. */
    public void link(WorkspaceId workspace, Collection<String> stripeIds, String saleExternalId, long paidAmount) {
        for (String stripeId : stripeIds.stream().filter(Objects::nonNull).distinct().toList()) {
            jdbc.sql("insert into stripe_sale (workspace_id, stripe_id, sale_external_id, paid_amount) values (?, ?, ?, ?)"
                            + " on conflict (workspace_id, stripe_id) do nothing")
                    .params(workspace.value(), stripeId, saleExternalId, paidAmount)
                    .update();
        }
    }

    /** The sale of the first of these Stripe ids (nulls skipped) that is linked to one, in their order. */
    public Optional<MappedSale> find(WorkspaceId workspace, List<String> stripeIds) {
        return all(workspace, stripeIds).stream().findFirst();
    }

    /** The sales of those of these Stripe ids (nulls skipped) that are linked to one, in their order. */
    public List<MappedSale> all(WorkspaceId workspace, List<String> stripeIds) {
        String[] ids = stripeIds.stream().filter(Objects::nonNull).toArray(String[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.sql("select s.stripe_id, s.sale_external_id, s.paid_amount from stripe_sale s"
                        + " join unnest(?::text[]) with ordinality as wanted(id, n) on s.stripe_id = wanted.id"
                        + " where s.workspace_id = ? order by wanted.n")
                .params(ids, workspace.value())
                .query((rs, row) -> new MappedSale(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }
}
