/**
 * How a respondent is reached: the Channel names, and IdentityStore, the one writer of channel
 * identities and their reachability.
 * <p>
 * Owns channel_identities. Sending and storing layer: imports worker only.
 */
package nl.stem.identity;
