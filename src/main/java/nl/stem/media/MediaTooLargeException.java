package nl.stem.media;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/** A media file over the configured limit. */
public class MediaTooLargeException extends StemException {
    public MediaTooLargeException(long maxBytes) {
        super(ErrorCode.MEDIA_TOO_LARGE, "The file is larger than the limit of " + maxBytes + " bytes");
    }
}
