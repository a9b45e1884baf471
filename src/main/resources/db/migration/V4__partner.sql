-- Partners (one per person and workspace, one login for all its programs), what they applied
-- with, their enrollments in programs with a guarded status and a history, agreement
-- acceptances, onboarding, payout details (encrypted) and portal sign-in tokens.

create table partner (
    workspace_id  uuid not null references workspace (id),
    id            uuid not null,
    email         text not null check (email = lower(email) and position('@' in email) > 1),
    name          text not null check (length(name) between 1 and 100),
    phone         text not null default '',
    company       text not null default '',
    website       text not null default '',
    industry      text not null default '',
    company_size  text not null default '',
    audience      text not null default '',
    region        text not null default '',
    locale        text not null default 'en' check (locale in ('en', 'es', 'pt', 'it', 'nb')),
    password_hash text,
    invite_code   text not null,
    introduced_by uuid,
    created_at    timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, introduced_by) references partner (workspace_id, id)
);
create unique index partner_email on partner (workspace_id, email);
-- a partner's own invite link (/p/{program}?via={code}) names them without a workspace in the URL
create unique index partner_invite_code on partner (invite_code);

create table enrollment (
    workspace_id  uuid not null,
    id            uuid not null,
    program_id    uuid not null,
    partner_id    uuid not null,
    tier_id       uuid not null,
    status        text not null check (status in ('invited', 'pending', 'approved', 'rejected', 'suspended', 'banned', 'archived')),
    status_reason text not null default '',
    introduced_by uuid,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id),
    foreign key (workspace_id, tier_id) references tier (workspace_id, id),
    foreign key (workspace_id, introduced_by) references partner (workspace_id, id)
);
-- one enrollment per person and program: a second application is refused, not stored twice
create unique index enrollment_once on enrollment (workspace_id, program_id, partner_id);
create index enrollment_by_partner on enrollment (workspace_id, partner_id);

-- Every status change and tier move: who, when, why.
create table enrollment_event (
    workspace_id  uuid not null,
    id            uuid not null,
    enrollment_id uuid not null,
    occurred_at   timestamptz not null,
    kind          text not null check (kind in ('status', 'tier')),
    from_value    text,
    to_value      text not null,
    reason        text not null default '',
    actor_kind    text not null check (actor_kind in ('staff', 'api_key', 'system', 'partner')),
    actor_id      uuid,
    actor_name    text not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, enrollment_id) references enrollment (workspace_id, id)
);
create index enrollment_event_by_enrollment on enrollment_event (workspace_id, enrollment_id, id);

-- What the applicant sent, kept as sent, with the fit score it earned and the reasons.
create table application (
    workspace_id     uuid not null,
    id               uuid not null,
    enrollment_id    uuid not null,
    program_id       uuid not null,
    partner_id       uuid not null,
    submitted_at     timestamptz not null,
    plan             text not null default '',
    referrals        text[] not null default '{}',
    answers          jsonb not null default '{}',
    fit_score        int not null check (fit_score between 0 and 100),
    fit_reasons      jsonb not null default '[]',
    terms_version_id uuid,
    ip               text,
    user_agent       text,
    primary key (workspace_id, id),
    foreign key (workspace_id, enrollment_id) references enrollment (workspace_id, id)
);
create unique index application_once on application (workspace_id, enrollment_id);
create index application_queue on application (workspace_id, program_id, fit_score desc);

create table agreement_acceptance (
    workspace_id         uuid not null,
    id                   uuid not null,
    enrollment_id        uuid not null,
    partner_id           uuid not null,
    agreement_version_id uuid not null,
    text_sha256          bytea not null check (length(text_sha256) = 32),
    accepted_at          timestamptz not null,
    ip                   text,
    user_agent           text,
    primary key (workspace_id, id),
    foreign key (workspace_id, enrollment_id) references enrollment (workspace_id, id),
    foreign key (workspace_id, agreement_version_id) references agreement_version (workspace_id, id)
);
create unique index agreement_acceptance_once on agreement_acceptance (workspace_id, enrollment_id, agreement_version_id);

create table onboarding_step (
    workspace_id uuid not null,
    id           uuid not null,
    program_id   uuid not null,
    position     int not null,
    kind         text not null check (kind in ('accept_agreement', 'complete_profile', 'add_payout_details',
                                               'read_page', 'watch_video', 'create_first_link', 'custom')),
    title        text not null check (length(title) between 1 and 200),
    url          text,
    archived_at  timestamptz,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, program_id) references program (workspace_id, id)
);

create table onboarding_progress (
    workspace_id  uuid not null,
    enrollment_id uuid not null,
    step_id       uuid not null,
    done_at       timestamptz not null,
    done_by       text not null check (done_by in ('system', 'partner')),
    primary key (workspace_id, enrollment_id, step_id),
    foreign key (workspace_id, enrollment_id) references enrollment (workspace_id, id),
    foreign key (workspace_id, step_id) references onboarding_step (workspace_id, id)
);

-- Bank accounts and the like, encrypted (AES-GCM); only a masked summary is stored in clear.
create table payout_details (
    workspace_id uuid not null,
    partner_id   uuid not null,
    method       text not null check (method in ('sepa', 'paypal', 'stripe', 'manual')),
    encrypted    bytea not null,
    summary      text not null,
    updated_at   timestamptz not null,
    primary key (workspace_id, partner_id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);

-- Single-use portal sign-in links (and invitation links): only the hash of the token is stored.
create table partner_login_token (
    workspace_id uuid not null,
    id           uuid not null,
    partner_id   uuid not null,
    token_sha256 bytea not null,
    purpose      text not null check (purpose in ('sign_in', 'invitation')),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    created_at   timestamptz not null,
    primary key (workspace_id, id),
    foreign key (workspace_id, partner_id) references partner (workspace_id, id)
);
create unique index partner_login_token_hash on partner_login_token (token_sha256);

-- partners act too (accepting an agreement, editing payout details): the audit log names them
alter table audit_event drop constraint audit_event_actor_kind_check;
alter table audit_event add constraint audit_event_actor_kind_check
    check (actor_kind in ('staff', 'api_key', 'system', 'partner'));
