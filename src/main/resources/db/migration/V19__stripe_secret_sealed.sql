-- The Stripe signing secret is kept encrypted (AES-256-GCM, bound to its workspace, with the key
-- that encrypts payout details); a secret stored in clear before is sealed at the next start.
alter table stripe_account add column signing_secret_sealed bytea;
