-- Links in approval and new-agreement emails last three days: a partner approved overnight must
-- not find a dead button in the morning. Sign-in links asked for on the portal keep 15 minutes.
alter table partner_login_token drop constraint partner_login_token_purpose_check;
alter table partner_login_token add constraint partner_login_token_purpose_check
    check (purpose in ('sign_in', 'invitation', 'welcome'));
