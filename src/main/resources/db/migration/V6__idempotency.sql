-- API POSTs with an Idempotency-Key: the first answer is kept for 24 hours and replayed to a retry
-- with the same body; the same key with another body is a conflict.
create table idempotency_key (
    workspace_id  uuid not null references workspace (id),
    key           text not null check (length(key) between 1 and 255),
    request_hash  bytea not null,
    status        int,
    content_type  text,
    response_body text,
    created_at    timestamptz not null,
    primary key (workspace_id, key)
);
create index idempotency_key_age on idempotency_key (created_at);
