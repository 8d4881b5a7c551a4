package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Downloads a pending media answer from its channel's provider (Telegram getFile + GET, Twilio
 * media URL with basic auth). One per channel; the {@code MediaWorker} checks size and type,
 * stores the file and records the outcome.
 */
public interface MediaFetcher {

    /** The channel name as stored in {@code media_objects.channel}. */
    String channel();

    /** Opens the file behind {@code media.providerRef}. The caller closes the stream. */
    Download open(MediaObject media) throws IOException, MediaFetchException;

    /** An open download with what the provider says about it. */
    record Download(InputStream content, String contentType, Long sizeBytes) {
    }

    /** A download that can never succeed (e.g. file gone, 404, over the provider's limit). */
    class MediaFetchException extends Exception {
        private final boolean permanent;

        public MediaFetchException(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
