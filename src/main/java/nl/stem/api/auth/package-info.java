/**
 * Staff authentication: API tokens (hashed), their roles, the bearer mechanism and the token API.
 * <p>
 * Owns api_tokens. Admin API: imports api, api.audit and helpers.
 */
package nl.stem.api.auth;
