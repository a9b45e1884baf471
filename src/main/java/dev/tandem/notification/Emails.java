package dev.tandem.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.NotFoundException;
import dev.tandem.notification.internal.EmailDelivery;
import dev.tandem.notification.internal.EmailRenderer;
import dev.tandem.notification.internal.OutboxRepository;
import dev.tandem.workspace.WorkspaceId;
import dev.tandem.workspace.Workspaces;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails to partners. {@link #send} renders the email in the recipient's language and writes it
 * to the outbox in the caller's transaction: if the caller rolls back, the email never existed.
 * With SMTP configured it is sent right after the commit (and retried until it goes); without,
 * it is held in the outbox for staff to read at {@code /admin/outbox}.
 */
@Service
public class Emails {

    /** Model key for the program's (or workspace's) name the email speaks for; the workspace's name when absent. */
    public static final String BRAND = "brand";

    /** Optional model key: a list of values for the subject message's {1}, {2}, …; {0} is always the brand. */
    public static final String SUBJECT_ARGS = "subjectArgs";

    /**
     * A model value that must not outlive the email's delivery, such as a single-use sign-in link:
     * it is in the email sent, but the stored copy loses it once SMTP has taken the email. (With no
     * SMTP server the email is held for staff to pass on, so the held copy keeps it.)
     */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    /** Attempts before an email that SMTP keeps refusing is given up as {@link EmailStatus#FAILED}. */
    public static final int MAX_ATTEMPTS = 10;

    private final EmailRenderer renderer;
    private final OutboxRepository outbox;
    private final EmailDelivery delivery;
    private final Workspaces workspaces;
    private final Clock clock;

    Emails(EmailRenderer renderer, OutboxRepository outbox, EmailDelivery delivery, Workspaces workspaces,
            Clock clock) {
        this.renderer = renderer;
        this.outbox = outbox;
        this.delivery = delivery;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Writes an email to the outbox, to be sent when the surrounding transaction commits.
     *
     * @param to       one plain address, e.g. {@code ana@example.com}
     * @param template the name of {@code templates/notification/email/{template}.html} and {@code .txt};
     *                 the subject is the message {@code email.{template}.subject}
     * @param model    the values the templates use, plus {@link #BRAND} and {@link #SUBJECT_ARGS}
     * @throws InvalidInputException naming {@code to} when it is not an email address
     */
    @Transactional
    public EmailId send(WorkspaceId workspace, String to, Language language, String template,
            Map<String, Object> model) {
        Objects.requireNonNull(workspace, "workspace must not be null");
        Objects.requireNonNull(language, "language must not be null");
        String address = checkedAddress(to);
        Map<String, Object> values = new HashMap<>(model == null ? Map.of() : model);
        if (values.get(BRAND) == null) {
            values.put(BRAND, workspaces.get(workspace).name());
        }
        EmailRenderer.Rendered rendered = renderer.render(template, language, reveal(values, null));
        boolean sending = delivery.enabled();
        // only an email that leaves needs a copy without its secrets: a held one keeps them for staff
        EmailRenderer.Rendered redacted = sending && values.values().stream().anyMatch(Secret.class::isInstance)
                ? renderer.render(template, language, reveal(values, renderer.removedSecret(language))) : null;

        EmailId id = new EmailId(Ids.newId());
        Instant now = clock.instant();
        outbox.insert(workspace, new Email(id, address, language, template, rendered.subject(), rendered.html(),
                rendered.text(), now, sending ? EmailStatus.QUEUED : EmailStatus.HELD, 0, null, null,
                sending ? now : null));
        if (redacted != null) {
            outbox.keepRedacted(workspace, id, redacted.html(), redacted.text());
        }
        if (sending) {
            delivery.sendAfterCommit(workspace, id);
        }
        return id;
    }

    /** The newest email to this address in the workspace (the address compared case-insensitively). */
    public Optional<Email> latestTo(WorkspaceId workspace, String to) {
        return outbox.latestTo(workspace, to == null ? "" : to.trim());
    }

    /** @throws NotFoundException if the workspace has no such email (another workspace's looks the same) */
    public Email get(WorkspaceId workspace, EmailId id) {
        return outbox.find(workspace, id).orElseThrow(() -> new NotFoundException("no email " + id));
    }

    /**
     * The orders staff may read the outbox in: newest first unless asked otherwise (by recipient,
     * subject or status); the id breaks ties.
     */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("created", "created_at"),
            ListSort.Key.ascending("to", "lower(to_address)"),
            ListSort.Key.ascending("subject", "lower(subject)").nullable(),
            ListSort.Key.ascending("status", "status"));

    /** One page of the outbox in the asked order ({@link #SORTS}), with how many emails there are. */
    public ListPage<Email> sorted(WorkspaceId workspace, ListRequest request) {
        return ListPage.fetch(request, outbox.count(workspace), page -> outbox.sorted(workspace, page));
    }

    /** Whether emails leave Tandem (TANDEM_SMTP_HOST is set) or are held in the outbox. */
    public boolean smtpConfigured() {
        return delivery.enabled();
    }

    /** The model with each {@link Secret} replaced by its value, or by {@code placeholder} when given. */
    private static Map<String, Object> reveal(Map<String, Object> model, String placeholder) {
        Map<String, Object> revealed = new HashMap<>(model);
        revealed.replaceAll((key, value) -> value instanceof Secret secret
                ? (placeholder == null ? secret.value() : placeholder) : value);
        return revealed;
    }

    private static String checkedAddress(String to) {
        String trimmed = to == null ? "" : to.trim();
        if (EmailAddresses.valid(trimmed)) {
            return trimmed;
        }
        throw new InvalidInputException("to", "must be one email address, like ana@example.com");
    }
}
