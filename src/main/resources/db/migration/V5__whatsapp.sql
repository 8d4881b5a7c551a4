-- WhatsApp through Twilio.
-- The 24-hour window: free-form messages only within 24 h of the respondent's last inbound message.
alter table channel_identities add column last_inbound_at timestamptz;
-- Opted out on WhatsApp (Twilio error 21610, or an inbound OptOutType=STOP): nothing more is sent there.
-- (A generic channel_identities.unreachable_at may replace this once it exists.)
alter table channel_identities add column whatsapp_opted_out_at timestamptz;

-- Delivery as the provider reports it (status callbacks), kept apart from the sender's own status.
alter table outbox add column delivery_status text;
alter table outbox add column delivery_error text;
alter table outbox add column delivery_updated_at timestamptz;
create index outbox_provider_message on outbox (channel, provider_message_id) where provider_message_id is not null;
