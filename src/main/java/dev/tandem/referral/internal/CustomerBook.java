package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.tandem.core.Ids;
import dev.tandem.referral.Customer;
import dev.tandem.referral.CustomerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Finds the customer an event is about, by the business's own id and then by email, creates them
 * when new, and keeps their name and email as the business last sent them.
 */
@Component
public class CustomerBook {

    private final CustomerRepository customers;

    CustomerBook(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The customer (null when the event names none) and whether they existed before. */
    public record Resolved(Customer customer, boolean known) {
    }

    public Resolved resolve(WorkspaceId workspace, CheckedEvent.CustomerKey key, Instant now) {
        return resolve(workspace, key, now, null);
    }

    /** A key looked up beforehand (see {@link CustomerRepository#byExternalIdOrEmail(java.util.List, java.util.List, java.util.List)}) and what it found. */
    public record Looked(String externalId, String email, Customer found) {
    }

    /** @param looked the customer looked up beforehand with the same key, or null to look now */
    public Resolved resolve(WorkspaceId workspace, CheckedEvent.CustomerKey key, Instant now, Looked looked) {
        if (key == null) {
            return new Resolved(null, false);
        }
        // an email shared by a customer the business knows under another id is another customer
        Optional<Customer> found = looked != null && Objects.equals(looked.externalId(), key.externalId())
                && Objects.equals(looked.email(), key.email()) ? Optional.ofNullable(looked.found())
                : customers.byExternalIdOrEmail(workspace, key.externalId(), key.email());
        if (found.isPresent()) {
            return new Resolved(update(found.get(), key), true);
        }
        Customer created = new Customer(workspace, new CustomerId(Ids.newId()), key.externalId(), key.email(),
                key.name() == null ? "" : key.name(), key.company() == null ? "" : key.company(), now);
        if (customers.insert(created)) {
            return new Resolved(created, false);
        }
        return new Resolved(update(customers.byExternalId(workspace, key.externalId()).orElseThrow(), key), true);
    }

    /** A customer by email for a hand assignment: found (oldest first) or created. */
    public Customer byEmail(WorkspaceId workspace, String email, String name, Instant now) {
        return resolve(workspace, new CheckedEvent.CustomerKey(null, email, name, null), now).customer();
    }

    private Customer update(Customer c, CheckedEvent.CustomerKey key) {
        Customer updated = new Customer(c.workspaceId(), c.id(),
                c.externalId() != null ? c.externalId() : key.externalId(),
                key.email() != null ? key.email() : c.email(),
                key.name() != null ? key.name() : c.name(),
                key.company() != null ? key.company() : c.company(), c.createdAt());
        if (!Objects.equals(updated, c)) {
            customers.update(updated);
        }
        return updated;
    }
}
