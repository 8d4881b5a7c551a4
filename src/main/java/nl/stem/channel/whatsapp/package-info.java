/**
 * WhatsApp through Twilio: TwilioWebhook (the gate), InboundMapping (pure: form to Inbound),
 * WhatsAppConversations (the step), WhatsAppSender with templates, delivery callbacks.
 * <p>
 * Owns no table: delivery statuses through OutboxStore, the 24-hour window through IdentityStore.
 * Channels layer: imports conversation and everything below.
 */
package nl.stem.channel.whatsapp;
