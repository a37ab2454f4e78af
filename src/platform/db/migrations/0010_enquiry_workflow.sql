-- The office workflow of the front door: who owns an enquiry, which partner organisations were
-- asked to take part and what each answered, the costing and contracting details, and which
-- reminders have been sent (so none is ever sent twice).

alter table enquiry
  -- When the enquiry entered its current stage, for the clocks.
  add column stage_entered_at timestamptz not null default now(),
  -- The alliance's first response: the moment the office triaged it and took ownership.
  add column first_responded_at timestamptz,
  -- Costing and contracting (national contract value review, model agreement, confidentiality).
  add column contract_value_review text
    check (contract_value_review in ('not-started', 'in-progress', 'agreed')),
  add column model_agreement text
    check (model_agreement in ('mcta', 'cro-mcta', 'mcia', 'cro-mcia', 'micra', 'other')),
  add column confidentiality_agreement text
    check (confidentiality_agreement in ('not-needed', 'requested', 'signed'));
update enquiry set stage_entered_at = received_at;

-- A partner organisation asked for an expression of interest, with a deadline, and its answer.
create table enquiry_site_request (
  id uuid primary key default gen_random_uuid(),
  enquiry_id uuid not null references enquiry (id) on delete cascade,
  organisation_id uuid not null references organisation (id),
  requested_at timestamptz not null default now(),
  requested_by_user_id uuid references app_user (id) on delete set null,
  due_at timestamptz not null,
  message text check (length(message) <= 4000),
  responded_at timestamptz,
  responded_by_user_id uuid references app_user (id) on delete set null,
  interested boolean,
  principal_investigator text check (length(principal_investigator) between 1 and 200),
  estimated_recruitment integer check (estimated_recruitment between 0 and 1000000),
  response_note text check (length(response_note) <= 4000),
  unique (enquiry_id, organisation_id),
  check ((responded_at is null) = (interested is null)),
  check (interested is distinct from true or principal_investigator is not null)
);
create index enquiry_site_request_inbox_idx
  on enquiry_site_request (organisation_id, responded_at, due_at);

-- Reminders already sent, by a key that names what was due and when; a repeat run skips them.
create table enquiry_reminder (
  reminder_key text primary key check (length(reminder_key) between 1 and 300),
  enquiry_id uuid not null references enquiry (id) on delete cascade,
  sent_at timestamptz not null default now()
);
