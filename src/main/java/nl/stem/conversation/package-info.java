/**
 * One inbound message, start to finish, in one transaction: the respondent, the session, the
 * engine's step, the answers and the replies queued. Owns the contracts the panel implements
 * (PanelInvites, RespondentErasure).
 * <p>
 * Owns respondents, sessions, answers and inbound_messages. Imports sending and storing (outbox,
 * identity, media), the engine, surveys and helpers; never the panel or a channel.
 */
package nl.stem.conversation;
