-- Patient feasibility: every count anyone runs (who, what, on which population, what they were
-- shown), and the named queries people keep. No patient data is stored here: only criteria and
-- the disclosure-controlled totals that were returned.

create table feasibility_query_log (
  id bigint generated always as identity primary key,
  user_id uuid references app_user (id) on delete set null,
  user_email text not null check (length(user_email) between 3 and 320),
  via text not null check (via in ('page', 'api')),
  criteria jsonb not null,
  population_id text not null check (length(population_id) between 1 and 100),
  -- The total as shown: null when it was suppressed.
  total_shown integer check (total_shown >= 0),
  total_suppressed boolean not null,
  duration_ms real not null check (duration_ms >= 0),
  run_at timestamptz not null default now()
);
create index feasibility_query_log_user on feasibility_query_log (user_id, run_at desc);

create table feasibility_saved_query (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  criteria jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name)
);
