-- WhatsApp through Twilio.
-- The 24-hour window: free-form messages only within 24 h of the respondent's last inbound message.
alter table channel_identities add column last_inbound_at timestamptz;
-- Opted out on WhatsApp (Twilio error 21610, or an inbound OptOutType=STOP) is
-- channel_identities.unreachable_at (V2): nothing more is sent there.

-- Delivery as the provider reports it (status callbacks), kept apart from the sender's own status.
alter table outbox add column delivery_status text;
alter table outbox add column delivery_error text;
alter table outbox add column delivery_updated_at timestamptz;
create index outbox_provider_message on outbox (channel, provider_message_id) where provider_message_id is not null;
