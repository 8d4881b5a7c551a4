/**
 * Media answers: the content-addressed store and the worker that downloads them from the
 * providers.
 * <p>
 * Owns media_objects. Sending and storing layer: imports api (errors), config, worker.
 */
package nl.stem.media;
