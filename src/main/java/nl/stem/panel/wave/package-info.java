/**
 * Waves: launch, reminders, links, closing and feedback; WaveStore holds their SQL. Owns the
 * contracts a channel and results implement (InvitationLinks, ResultsLinks).
 * <p>
 * Owns waves, wave_members, panel_contacts, and the invitations a launch creates. Panel layer:
 * imports conversation, outbox, identity, engine, surveys, api and helpers.
 */
package nl.stem.panel.wave;
