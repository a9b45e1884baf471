-- Emails to partners. This table is the transactional outbox: a row is written in the transaction
-- of the change that causes the email, so an email exists exactly when that change committed, and
-- the senders deliver from here. Without SMTP the rows are 'held' and staff read them at /admin/outbox.

create table email_outbox (
    workspace_id    uuid not null references workspace (id),
    id              uuid not null,
    to_address      text not null check (position('@' in to_address) > 1),
    language        text not null check (language in ('en', 'es', 'pt', 'it', 'nb')),
    template        text not null,
    subject         text not null,
    body_html       text not null,
    body_text       text not null,
    created_at      timestamptz not null,
    status          text not null check (status in ('queued', 'sent', 'held', 'failed')),
    attempts        int not null default 0 check (attempts >= 0),
    last_error      text,
    sent_at         timestamptz,
    next_attempt_at timestamptz,
    primary key (workspace_id, id),
    -- a queued email without a due time would never be picked up
    check (status <> 'queued' or next_attempt_at is not null)
);

-- the senders' sweep across all workspaces: only the few queued rows are indexed
create index email_outbox_due on email_outbox (next_attempt_at) where status = 'queued';
-- "the last email to this address", e.g. to check what a partner was sent
create index email_outbox_to on email_outbox (workspace_id, lower(to_address), id);
