-- A launch request's idempotency key (the dashboard's form sends one per form): a double submit,
-- or a retried request, finds the wave it already made instead of making a second one.
alter table waves add column idempotency_key text unique check (idempotency_key ~ '^[A-Za-z0-9_-]{8,64}$');
