-- Words of the public website, kept in the database so that staff can edit them.
create table site_page (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$'),
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 400),
  body_markdown text not null,
  callout_heading text,
  callout_markdown text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((callout_heading is null) = (callout_markdown is null))
);

-- Headline figures about the region shown on the home page.
create table region_fact (
  key text primary key check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position integer not null,
  qualifier text not null default '',
  value text not null check (length(value) between 1 and 40),
  label text not null check (length(label) between 1 and 200),
  updated_at timestamptz not null default now()
);

-- Organisations: the alliance's partners now; the capability directory builds on the same records.
create table organisation (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 200),
  short_name text not null check (length(short_name) between 1 and 80),
  type text not null check (type in (
    'university', 'nhs-trust', 'nihr-brc', 'clinical-research-facility',
    'applied-research-collaboration', 'research-delivery-network',
    'health-innovation-network', 'company')),
  city text not null,
  website_url text check (website_url ~ '^https?://'),
  summary text not null,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  is_partner boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index organisation_partner_type_idx on organisation (is_partner, type, name);
