-- Which partner was told about which agreement version: a retried event tells nobody twice.
create table agreement_notice (
    workspace_id         uuid not null,
    enrollment_id        uuid not null,
    agreement_version_id uuid not null,
    noticed_at           timestamptz not null,
    primary key (workspace_id, enrollment_id, agreement_version_id),
    foreign key (workspace_id, enrollment_id) references enrollment (workspace_id, id),
    foreign key (workspace_id, agreement_version_id) references agreement_version (workspace_id, id)
);
