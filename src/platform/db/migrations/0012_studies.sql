-- Standardised study set-up and recruitment: studies, the partner trusts taking part in each
-- (sites), the standard milestones with who recorded them, and participants recruited per site
-- per day.

create table study (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^MHA-S-[0-9]{4}-[0-9]{4,}$'),
  title text not null check (length(title) between 1 and 300),
  short_title text not null check (length(short_title) between 1 and 80),
  sponsor text not null check (length(sponsor) between 1 and 200),
  is_commercial boolean not null,
  study_type text not null check (study_type in ('interventional', 'observational', 'device', 'other')),
  phase text not null check (phase in ('phase-1', 'phase-2', 'phase-3', 'phase-4', 'not-applicable')),
  iras_id text unique check (iras_id ~ '^[0-9]{4,7}$'),
  isrctn text check (isrctn ~ '^ISRCTN[0-9]{8}$'),
  nct_id text check (nct_id ~ '^NCT[0-9]{8}$'),
  eu_ct_number text check (eu_ct_number ~ '^[0-9]{4}-[0-9]{6}-[0-9]{2}(-[0-9]{2})?$'),
  health_category text not null check (health_category in ('blood', 'cancer', 'cardiovascular', 'congenital', 'ear', 'eye', 'infection', 'inflammatory-immune', 'injuries-accidents', 'mental-health', 'metabolic-endocrine', 'musculoskeletal', 'neurological', 'oral-gastrointestinal', 'renal-urogenital', 'reproductive-health', 'respiratory', 'skin', 'stroke', 'generic-health-relevance', 'disputed-aetiology')),
  mhra_approval_needed boolean not null,
  recruitment_target integer not null check (recruitment_target between 1 and 1000000),
  planned_start date not null,
  planned_end date not null check (planned_end > planned_start),
  status text not null default 'set-up' check (status in ('set-up', 'recruiting', 'closed')),
  enquiry_id uuid unique references enquiry (id) on delete set null,
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table study_reference_counter (
  year integer primary key check (year between 2000 and 9999),
  last_number integer not null check (last_number >= 1)
);

create table study_site (
  id uuid primary key default gen_random_uuid(),
  study_id uuid not null references study (id) on delete cascade,
  organisation_id uuid not null references organisation (id),
  principal_investigator text not null check (length(principal_investigator) between 1 and 200),
  recruitment_target integer not null check (recruitment_target between 1 and 1000000),
  planned_open date not null,
  planned_close date not null check (planned_close > planned_open),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (study_id, organisation_id)
);
create index study_site_organisation on study_site (organisation_id);

-- Study-level milestones have no site; each milestone is recorded at most once per study or site.
create table study_milestone (
  id bigint generated always as identity primary key,
  study_id uuid not null references study (id) on delete cascade,
  study_site_id uuid references study_site (id) on delete cascade,
  milestone text not null check (milestone ~ '^[a-z]+(-[a-z]+)*$' and length(milestone) <= 40),
  achieved_on date not null,
  evidence text not null default '' check (length(evidence) <= 2000),
  recorded_by uuid references app_user (id) on delete set null,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now()
);
create unique index study_milestone_study_level on study_milestone (study_id, milestone) where study_site_id is null;
create unique index study_milestone_site_level on study_milestone (study_site_id, milestone) where study_site_id is not null;

create table study_recruitment (
  study_site_id uuid not null references study_site (id) on delete cascade,
  recruited_on date not null,
  participants integer not null check (participants between 0 and 10000),
  recorded_by uuid references app_user (id) on delete set null,
  recorded_at timestamptz not null default now(),
  primary key (study_site_id, recruited_on)
);
