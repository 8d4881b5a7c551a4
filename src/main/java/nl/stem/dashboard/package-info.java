/**
 * The coordinator's dashboard pages: login, waves and their figures, the wave forms.
 * <p>
 * Owns dashboard_sessions. Entry point: may import any package below it.
 */
package nl.stem.dashboard;
