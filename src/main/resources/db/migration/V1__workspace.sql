-- Tenants, the staff who run them, the keys their systems call the API with, and what staff did.
-- Every table carries workspace_id and leads its keys with it (see DESIGN.md).

create table workspace (
    id             uuid primary key,
    name           text not null check (length(name) between 1 and 100),
    default_locale text not null default 'en' check (default_locale in ('en', 'es', 'pt', 'it', 'nb')),
    created_at     timestamptz not null
);

create table staff_user (
    workspace_id  uuid not null references workspace (id),
    id            uuid not null,
    email         text not null check (email = lower(email) and position('@' in email) > 1),
    name          text not null check (length(name) between 1 and 100),
    role          text not null check (role in ('owner', 'admin', 'manager', 'viewer')),
    password_hash text not null,
    locale        text check (locale in ('en', 'es', 'pt', 'it', 'nb')),
    created_at    timestamptz not null,
    disabled_at   timestamptz,
    primary key (workspace_id, id)
);
-- staff sign in with their email alone, so an email names one person across all workspaces
create unique index staff_user_email on staff_user (email);

create table api_key (
    workspace_id uuid not null references workspace (id),
    id           uuid not null,
    name         text not null check (length(name) between 1 and 100),
    token_hash   bytea not null,
    token_hint   text not null,
    scopes       text[] not null check (scopes <@ array['read', 'write'] and cardinality(scopes) > 0),
    created_by   uuid,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (workspace_id, id)
);
-- keys are looked up by the SHA-256 of the presented secret, before the workspace is known
create unique index api_key_token_hash on api_key (token_hash);

create table audit_event (
    workspace_id uuid not null references workspace (id),
    id           uuid not null,
    occurred_at  timestamptz not null,
    actor_kind   text not null check (actor_kind in ('staff', 'api_key', 'system')),
    actor_id     uuid,
    actor_name   text not null,
    action       text not null,
    subject      text,
    details      jsonb not null default '{}',
    ip           text,
    primary key (workspace_id, id)
);

-- Web sessions live in PostgreSQL so that any node can serve any staff member (Spring Session's schema).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
