-- The capability directory: organisations, people and capabilities, searchable by everyone once
-- published. Text search is PostgreSQL's own (weighted tsvector, English stemming); spelling
-- mistakes are corrected against a vocabulary of the directory's words with pg_trgm.
create extension if not exists pg_trgm with schema public;

-- Our own wrapper, because array_to_string is only "stable" and generated columns need
-- "immutable"; for text[] the result depends on nothing but the input.
create function directory_words(words text[]) returns text
  language sql immutable parallel safe
  as $$ select coalesce(array_to_string(words, ' '), '') $$;

alter table organisation
  add column status text not null default 'published'
    check (status in ('draft', 'in-review', 'published', 'archived')),
  add column description text not null default '' check (length(description) <= 4000),
  add column is_sample boolean not null default false,
  add column published_at timestamptz;
update organisation set published_at = created_at where status = 'published';

create table directory_person (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  full_name text not null check (length(full_name) between 1 and 200),
  job_title text not null check (length(job_title) between 1 and 200),
  expertise text not null default '' check (length(expertise) <= 4000),
  orcid text unique check (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
  keywords text[] not null default '{}' check (cardinality(keywords) <= 20),
  status text not null default 'draft'
    check (status in ('draft', 'in-review', 'published', 'archived')),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  search_vector tsvector generated always as (
    setweight(to_tsvector('english', full_name), 'A') ||
    setweight(to_tsvector('english', directory_words(keywords)), 'A') ||
    setweight(to_tsvector('english', job_title), 'B') ||
    setweight(to_tsvector('english', expertise), 'C')
  ) stored
);
create index directory_person_search_idx on directory_person using gin (search_vector);
create index directory_person_organisation_idx on directory_person (organisation_id, status);
create index directory_person_status_name_idx on directory_person (status, full_name);

create table capability (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 400),
  description text not null default '' check (length(description) <= 8000),
  type text not null check (type = any (array['clinical-expertise', 'clinical-research-facility', 'imaging', 'laboratory-biobank', 'cohort-dataset', 'trial-delivery', 'technology-platform', 'training']::text[])),
  place text not null check (place = any (array['birmingham', 'coventry', 'wolverhampton', 'dudley', 'walsall', 'west-bromwich', 'solihull', 'warwick', 'rugby', 'nuneaton', 'stoke-on-trent', 'keele', 'stafford', 'burton-upon-trent', 'shrewsbury', 'telford', 'worcester', 'hereford', 'nottingham', 'mansfield', 'leicester', 'loughborough', 'derby', 'chesterfield', 'lincoln', 'boston', 'northampton', 'kettering']::text[])),
  categories text[] not null check (
    cardinality(categories) between 1 and 5 and categories <@ array['blood', 'cancer', 'cardiovascular', 'congenital', 'ear', 'eye', 'infection', 'inflammatory-immune', 'injuries-accidents', 'mental-health', 'metabolic-endocrine', 'musculoskeletal', 'neurological', 'oral-gastrointestinal', 'renal-urogenital', 'reproductive-health', 'respiratory', 'skin', 'stroke', 'generic-health-relevance', 'disputed-aetiology']::text[]),
  keywords text[] not null default '{}' check (cardinality(keywords) <= 20),
  status text not null default 'draft'
    check (status in ('draft', 'in-review', 'published', 'archived')),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  search_vector tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', directory_words(keywords)), 'A') ||
    setweight(to_tsvector('english', summary), 'B') ||
    setweight(to_tsvector('english', description), 'C')
  ) stored
);
create index capability_search_idx on capability using gin (search_vector);
create index capability_categories_idx on capability using gin (categories);
create index capability_status_title_idx on capability (status, title);
create index capability_organisation_idx on capability (organisation_id, status);

create table capability_person (
  capability_id uuid not null references capability (id) on delete cascade,
  person_id uuid not null references directory_person (id) on delete cascade,
  primary key (capability_id, person_id)
);
create index capability_person_person_idx on capability_person (person_id);

-- Every word that has appeared in a directory record, for correcting misspelt searches.
create table directory_word (
  word text primary key check (length(word) between 3 and 40)
);
create index directory_word_trigram_idx on directory_word using gin (word gin_trgm_ops);
