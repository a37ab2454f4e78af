-- Single-use links sent by email: password resets (1 hour) and invitations (7 days).
-- Only a hash of the link's secret is stored.
create table account_link (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  purpose text not null check (purpose in ('password-reset', 'invitation')),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index account_link_user_idx on account_link (user_id, purpose, created_at desc);
