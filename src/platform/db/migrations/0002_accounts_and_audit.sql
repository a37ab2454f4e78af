-- People who sign in: alliance staff, partner research offices, investigators, industry users.
create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 320),
  display_name text not null check (length(display_name) between 1 and 200),
  role text not null check (role in ('admin', 'alliance-office', 'site-office', 'investigator', 'industry')),
  -- site-office users act for one partner organisation; industry users belong to one company.
  organisation_id uuid references organisation (id),
  password_hash text,
  must_change_password boolean not null default false,
  status text not null default 'active' check (status in ('invited', 'active', 'deactivated')),
  last_signed_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (role not in ('site-office', 'industry') or organisation_id is not null)
);
create unique index app_user_email_idx on app_user (email);

-- Sessions live in the database so that several instances share them. Only a hash of the
-- cookie's value is stored, so a copy of this table cannot be used to sign in.
create table user_session (
  id_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip_address text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

-- Failed sign-ins, by the email typed (whether or not it exists) and by address, for lock-out.
create table sign_in_failure (
  id bigint generated always as identity primary key,
  email text not null,
  ip_address text,
  attempted_at timestamptz not null default now()
);
create index sign_in_failure_email_idx on sign_in_failure (email, attempted_at);
create index sign_in_failure_ip_idx on sign_in_failure (ip_address, attempted_at);

-- The audit trail: every change of data and every sign-in event. Append-only.
create table audit_event (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  before_value jsonb,
  after_value jsonb,
  request_id text,
  ip_address text
);
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_actor_idx on audit_event (actor_user_id);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function refuse_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function refuse_audit_change();
