-- Programs a workspace runs, their tiers, versioned agreements, application questions and the
-- ideal partner profile; plus the event publication registry that carries facts between modules.

create table program (
    workspace_id            uuid not null references workspace (id),
    id                      uuid not null,
    slug                    text not null check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
    name                    text not null check (length(name) between 1 and 100),
    type                    text not null check (type in ('referral', 'affiliate', 'reseller', 'influencer')),
    description             text not null default '' check (length(description) <= 4000),
    currency                char(3) not null check (currency ~ '^[A-Z]{3}$'),
    default_destination     text not null,
    allowed_hosts           text[] not null default '{}',
    attribution_model       text not null check (attribution_model in ('last_click', 'first_click')),
    attribution_window_days int not null check (attribution_window_days between 1 and 365),
    commission_summary      text not null default '' check (length(commission_summary) <= 500),
    auto_approve_min_score  int check (auto_approve_min_score between 0 and 100),
    auto_approve_domains    text[] not null default '{}',
    archived_at             timestamptz,
    created_at              timestamptz not null,
    primary key (workspace_id, id)
);
-- /p/{slug} carries no workspace, so a slug names one program across all workspaces
create unique index program_slug on program (slug);

create table tier (
    workspace_id        uuid not null,
    id                  uuid not null,
    program_id          uuid not null,
    name                text not null check (length(name) between 1 and 60),
    position            int not null,
    is_default          boolean not null default false,
    goals               text not null default '' check (length(goals) <= 2000),
    perks               text not null default '' check (length(perks) <= 2000),
    created_at          timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);
create unique index tier_one_default on tier (workspace_id, program_id) where is_default;
create unique index tier_name on tier (workspace_id, program_id, lower(name));

-- Published versions are never edited: a change is a new version.
create table agreement_version (
    workspace_id  uuid not null,
    id            uuid not null,
    program_id    uuid not null,
    tier_id       uuid,
    version       int not null check (version > 0),
    title         text not null check (length(title) between 1 and 200),
    body_markdown text not null check (length(body_markdown) between 1 and 100000),
    text_sha256   bytea not null check (length(text_sha256) = 32),
    published_at  timestamptz not null,
    published_by  uuid,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, tier_id) references tier (workspace_id, id)
);
create unique index agreement_version_number on agreement_version
    (workspace_id, program_id, coalesce(tier_id, '00000000-0000-0000-0000-000000000000'::uuid), version);

create table application_question (
    workspace_id uuid not null,
    id           uuid not null,
    program_id   uuid not null,
    position     int not null,
    label        text not null check (length(label) between 1 and 300),
    kind         text not null check (kind in ('text', 'choice', 'yes_no')),
    options      text[] not null default '{}',
    required     boolean not null,
    archived_at  timestamptz,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    check (kind <> 'choice' or cardinality(options) >= 2)
);

-- The ideal partner profile: what a good applicant looks like, each criterion weighted.
create table fit_criterion (
    workspace_id    uuid not null,
    id              uuid not null,
    program_id      uuid not null,
    attribute       text not null check (attribute in ('industry', 'company_size', 'audience', 'region', 'question')),
    question_id     uuid,
    expected_values text[] not null check (cardinality(expected_values) > 0),
    weight          int not null check (weight between 1 and 10),
    created_at      timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, question_id) references application_question (workspace_id, id),
    check ((attribute = 'question') = (question_id is not null))
);

-- Spring Modulith's event publication registry (schema v2): facts published inside a
-- transaction reach their listeners even across a crash.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
