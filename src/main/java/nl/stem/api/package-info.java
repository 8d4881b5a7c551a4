/**
 * The HTTP contract every endpoint shares: the error catalogue (ErrorCode; StemException, Problem
 * and its mappers) and the one body reader with a size limit (RequestBody, JsonBodies).
 * <p>
 * Owns no table. Imports only surveys and helpers (text); everything below the entry points may
 * import it.
 */
package nl.stem.api;
