/**
 * The panel's schedule: reminders, expiry of quiet sessions, quiet hours.
 * <p>
 * Writes sessions only to expire them. Panel layer: imports conversation and everything below;
 * never a channel or results.
 */
package nl.stem.panel;
