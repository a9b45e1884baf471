-- The dashboards (insight) read a workspace's figures for a period: each query needs an index that
-- starts with the workspace and then the time the period is about. Clicks have one already
-- (click's primary key is workspace, clicked_at, id).

-- sales and refunds of a period (referred revenue)
create index conversion_event_occurred on conversion_event (workspace_id, occurred_at);
-- referrals made in a period (leads, qualified) and customers won in it (first sale)
create index referral_created on referral (workspace_id, created_at);
create index referral_first_sale on referral (workspace_id, first_sale_at) where first_sale_at is not null;
-- commissions of a period per status
create index commission_occurred on commission (workspace_id, occurred_at);
-- partners waiting for a decision on their application
create index enrollment_pending on enrollment (workspace_id, program_id) where status = 'pending';
