-- Researcher API tokens. Only the SHA-256 of a token is kept; the token itself is shown once.
create table api_tokens (
    id         bigserial primary key,
    name       text        not null,
    role       text        not null check (role in ('researcher', 'coordinator', 'admin')),
    token_hash text        not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    created_by text        not null
);

-- Exports filter answers by survey version and time; the audit log is read newest first.
create index audit_log_newest on audit_log (id desc);
