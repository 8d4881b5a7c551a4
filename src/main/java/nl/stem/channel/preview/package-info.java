/**
 * The browser preview at /try: a conversation without a Telegram or Twilio account, its messages
 * read from the outbox.
 * <p>
 * Owns no table (marks its own outbox rows delivered through OutboxStore). Channels layer: imports
 * conversation, engine, identity, outbox, api, text.
 */
package nl.stem.channel.preview;
