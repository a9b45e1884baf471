-- What a program does with visitors and customers beyond the basics: where a disabled link sends
-- its visitors (null: they get a 410 page), and whether a customer, once attributed, stays with
-- the partner for life (the default) or may be won over by a later click of another partner.
alter table program add column fallback_destination text;
alter table program add column lifetime_binding boolean not null default true;
