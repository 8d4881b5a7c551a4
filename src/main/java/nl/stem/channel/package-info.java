/**
 * The chat channels. Each is a webhook (the gate: signature, size, content type), a pure mapper
 * (payload to conversation.Inbound) and the shared conversation step, plus a ChannelSender for the
 * outbox.
 * <p>
 * Owns no table. Channels: may import panel and everything below; no other package imports a
 * channel.
 */
package nl.stem.channel;
