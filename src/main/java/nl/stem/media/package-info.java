/**
 * Media answers: the content-addressed store and the worker that downloads them from the
 * providers. The store's directory may be shared by several instances (atomic renames, and
 * {@link nl.stem.media.MediaFiles} orders deletes and writes of one content with an advisory lock).
 * <p>
 * Owns media_objects. Sending and storing layer: imports api (errors), config, worker.
 */
package nl.stem.media;
