/**
 * Guards for every page and API: the request URL check, security headers.
 * <p>
 * Owns no table. Helper: imports text.
 */
package nl.stem.web;
