-- Every saved version of a public page: drafts, what was published, and restores. The page
-- itself (site_page) always holds the published words, which is what the public site reads.
create table site_page_revision (
  id bigint generated always as identity primary key,
  page_slug text not null references site_page (slug) on delete cascade,
  revision_number integer not null,
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 400),
  body_markdown text not null,
  callout_heading text,
  callout_markdown text,
  created_by uuid references app_user (id),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  published_by_label text,
  restored_from_id bigint references site_page_revision (id),
  unique (page_slug, revision_number),
  check ((callout_heading is null) = (callout_markdown is null))
);
create index site_page_revision_page_idx on site_page_revision (page_slug, revision_number desc);
