-- The mail outbox: every outgoing message, written in the same transaction as the change that
-- caused it, then delivered by a background job (by SMTP, or as a .eml file in DATA_DIR/mail).
create table mail_message (
  id uuid primary key default gen_random_uuid(),
  to_address text not null check (length(to_address) between 3 and 320),
  subject text not null check (length(subject) between 1 and 998),
  body_text text not null,
  body_html text,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  -- The most recent delivery error, kept after a later success so admins can see what happened.
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  -- The Message-ID header, and the .eml file's name when written to disk instead of sent.
  message_id text,
  file_name text,
  -- While a delivery attempt holds the message, no other worker starts one; a crashed attempt's
  -- hold simply runs out.
  locked_until timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
create index mail_message_created_idx on mail_message (created_at desc, id desc);
create index mail_message_queued_idx on mail_message (created_at) where status = 'queued';
