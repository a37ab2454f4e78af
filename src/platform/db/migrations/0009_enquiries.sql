-- The single front door for industry enquiries: what an enquirer tells us, the stages the alliance
-- office moves it through (features/enquiries/model.ts), and the timeline of those moves.

-- References read MHA-<year>-<number>, numbered from 1 each year. The counter row of the year is
-- updated in the transaction that stores the enquiry, so concurrent submissions queue on that one
-- row and never share or skip a number.
create table enquiry_reference_counter (
  year integer primary key check (year between 2000 and 9999),
  last_number integer not null check (last_number >= 1)
);

create table enquiry (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^MHA-[0-9]{4}-[0-9]{5,}$'),
  organisation_name text not null check (length(organisation_name) between 1 and 200),
  contact_name text not null check (length(contact_name) between 1 and 200),
  contact_email text not null check (length(contact_email) between 3 and 254),
  contact_phone text check (length(contact_phone) between 1 and 40),
  enquiry_type text not null check (enquiry_type in ('commercial-trial', 'device-evaluation', 'observational', 'data-feasibility', 'collaboration', 'funding')),
  -- An HRCS health category slug, as in the capability directory.
  health_category text not null check (health_category in ('blood', 'cancer', 'cardiovascular', 'congenital', 'ear', 'eye', 'infection', 'inflammatory-immune', 'injuries-accidents', 'mental-health', 'metabolic-endocrine', 'musculoskeletal', 'neurological', 'oral-gastrointestinal', 'renal-urogenital', 'reproductive-health', 'respiratory', 'skin', 'stroke', 'generic-health-relevance', 'disputed-aetiology')),
  phase text check (phase in ('phase-1', 'phase-2', 'phase-3', 'phase-4', 'not-applicable')),
  participants integer check (participants between 1 and 1000000),
  sites integer check (sites between 1 and 500),
  timeline text check (length(timeline) between 1 and 200),
  description text not null check (length(description) between 20 and 5000),
  consent_to_contact boolean not null check (consent_to_contact),
  -- The published capability the enquiry was started from, if any.
  capability_id uuid references capability (id) on delete set null,
  -- How it arrived: the web form or the JSON API.
  channel text not null check (channel in ('form', 'api')),
  stage text not null default 'received' check (stage in ('received', 'triaged', 'sites-consulted', 'sites-responded', 'feasibility', 'costing-contracting', 'set-up', 'open', 'closed')),
  owner_user_id uuid references app_user (id) on delete set null,
  received_at timestamptz not null default now(),
  first_response_due_at timestamptz,
  closed_outcome text check (closed_outcome in ('won', 'lost', 'withdrawn')),
  closed_reason text check (length(closed_reason) between 1 and 2000),
  -- The enquirer's private status link: only a SHA-256 hash of its token is kept.
  status_token_hash text not null unique check (status_token_hash ~ '^[0-9a-f]{64}$'),
  status_token_expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((stage = 'closed') = (closed_outcome is not null)),
  check (closed_reason is null or closed_outcome is not null)
);
-- The office queue: enquiries at a stage, oldest first; and each person's own enquiries.
create index enquiry_queue_idx on enquiry (stage, received_at);
create index enquiry_owner_idx on enquiry (owner_user_id, stage, received_at)
  where owner_user_id is not null;
create index enquiry_capability_idx on enquiry (capability_id) where capability_id is not null;

-- Everything that happened to an enquiry, for its timeline (the enquirer's and the office's).
create table enquiry_event (
  id bigint generated always as identity primary key,
  enquiry_id uuid not null references enquiry (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references app_user (id) on delete set null,
  actor_label text not null check (length(actor_label) between 1 and 400),
  -- 'submitted', 'stage-changed', and whatever the office workflow adds.
  kind text not null check (kind ~ '^[a-z]+(-[a-z]+)*$' and length(kind) <= 40),
  from_stage text check (from_stage in ('received', 'triaged', 'sites-consulted', 'sites-responded', 'feasibility', 'costing-contracting', 'set-up', 'open', 'closed')),
  to_stage text check (to_stage in ('received', 'triaged', 'sites-consulted', 'sites-responded', 'feasibility', 'costing-contracting', 'set-up', 'open', 'closed')),
  note text check (length(note) <= 4000)
);
create index enquiry_event_enquiry_idx on enquiry_event (enquiry_id, occurred_at, id);

-- A submission is stored once however often it is sent: per form shown ('form') or per
-- Idempotency-Key header ('api'). Keys are kept as SHA-256 hashes. The key row is written first
-- in the submitting transaction, so a second submission with the same key waits for the first
-- and then finds it; the foreign key is checked at commit, once the enquiry exists.
create table enquiry_idempotency (
  scope text not null check (scope in ('form', 'api')),
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  enquiry_id uuid not null references enquiry (id) on delete cascade deferrable initially deferred,
  -- SHA-256 of the request as parsed, to tell a repeat from a different request with the same key.
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  -- The API's 201 body without its status link, and the link's token sealed with a key derived
  -- from the Idempotency-Key itself, so that a repeat gets the same answer and the database alone
  -- does not hold a usable link.
  response_body json,
  sealed_status_token text,
  created_at timestamptz not null default now(),
  primary key (scope, key_hash)
);
create index enquiry_idempotency_enquiry_idx on enquiry_idempotency (enquiry_id);
create index enquiry_idempotency_created_idx on enquiry_idempotency (created_at);
