/**
 * Telegram: TelegramWebhook (the gate), UpdateMapper (pure: Update to TelegramEvent),
 * TelegramConversations (the step), TelegramSender, deep-link Invitations, media download.
 * <p>
 * Writes invitations (claiming a deep link); identities through identity/IdentityStore. Channels
 * layer: imports panel.wave (InvitationLinks), conversation and everything below.
 */
package nl.stem.channel.telegram;
