-- The shared portfolio: grand challenges, research projects across the partners, translational
-- pipelines with dated stage history, and the alliance office's decisions on similar pairs.

create table grand_challenge (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 2000),
  description text not null default '' check (length(description) <= 20000),
  leads text not null default '' check (length(leads) <= 500),
  -- The public programme page it belongs to, if any (e.g. programmes/sarcopenia).
  programme_slug text check (length(programme_slug) <= 100),
  status text not null default 'active' check (status in ('proposed', 'active', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table grand_challenge_organisation (
  grand_challenge_id uuid not null references grand_challenge (id) on delete cascade,
  organisation_id uuid not null references organisation (id),
  primary key (grand_challenge_id, organisation_id)
);

create table pipeline (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  owner_organisation_id uuid not null references organisation (id),
  shared_with_alliance boolean not null default true,
  created_at timestamptz not null default now()
);

create table pipeline_stage (
  pipeline_id uuid not null references pipeline (id) on delete cascade,
  position integer not null check (position between 1 and 20),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  name text not null check (length(name) between 1 and 120),
  gate_criteria text not null default '' check (length(gate_criteria) <= 2000),
  primary key (pipeline_id, slug),
  unique (pipeline_id, position)
);

create table research_project (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^MHA-P-[0-9]{4}-[0-9]{4,}$'),
  title text not null check (length(title) between 1 and 400),
  lay_summary text not null default '' check (length(lay_summary) <= 3000),
  abstract text not null check (length(abstract) between 1 and 10000),
  lead_organisation_id uuid not null references organisation (id),
  health_category text not null check (health_category in ('blood', 'cancer', 'cardiovascular', 'congenital', 'ear', 'eye', 'infection', 'inflammatory-immune', 'injuries-accidents', 'mental-health', 'metabolic-endocrine', 'musculoskeletal', 'neurological', 'oral-gastrointestinal', 'renal-urogenital', 'reproductive-health', 'respiratory', 'skin', 'stroke', 'generic-health-relevance', 'disputed-aetiology')),
  research_activity_code text check (research_activity_code ~ '^[1-8](\.[0-9]{1,2})?$'),
  funder text check (length(funder) <= 200),
  amount_pounds bigint check (amount_pounds between 0 and 1000000000),
  start_date date,
  end_date date,
  pipeline_id uuid references pipeline (id),
  is_sample boolean not null default false,
  created_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_vector tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', lay_summary), 'B') ||
    setweight(to_tsvector('english', abstract), 'C')
  ) stored,
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index research_project_search on research_project using gin (search_vector);

create table research_project_counter (
  year integer primary key check (year between 2000 and 9999),
  last_number integer not null check (last_number >= 1)
);

create table project_organisation (
  project_id uuid not null references research_project (id) on delete cascade,
  organisation_id uuid not null references organisation (id),
  primary key (project_id, organisation_id)
);

create table project_investigator (
  project_id uuid not null references research_project (id) on delete cascade,
  person_id uuid not null references directory_person (id),
  primary key (project_id, person_id)
);

create table project_grand_challenge (
  project_id uuid not null references research_project (id) on delete cascade,
  grand_challenge_id uuid not null references grand_challenge (id) on delete cascade,
  primary key (project_id, grand_challenge_id)
);

create table project_stage_move (
  id bigint generated always as identity primary key,
  project_id uuid not null references research_project (id) on delete cascade,
  pipeline_id uuid not null references pipeline (id),
  stage_slug text not null,
  entered_on date not null,
  evidence text not null check (length(evidence) between 1 and 4000),
  recorded_by uuid references app_user (id) on delete set null,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  foreign key (pipeline_id, stage_slug) references pipeline_stage (pipeline_id, slug)
);
create index project_stage_move_project on project_stage_move (project_id, entered_on, id);

-- A pair decided once stays decided: project_a < project_b, whichever way it was raised.
create table project_pair_decision (
  project_a uuid not null references research_project (id) on delete cascade,
  project_b uuid not null references research_project (id) on delete cascade,
  decision text not null check (decision in ('distinct', 'should-collaborate')),
  note text not null default '' check (length(note) <= 2000),
  decided_by uuid references app_user (id) on delete set null,
  decided_at timestamptz not null default now(),
  primary key (project_a, project_b),
  check (project_a < project_b)
);
