package nl.stem.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a size limit: the one reader behind every endpoint that takes a body
 * (webhooks, JSON, CSV files), so each answers an oversized or broken body the same way. Example:
 * {@code RequestBody.read(in, 65536)} gives the bytes, or throws 413 {@code body_too_large} for the
 * 65,537th byte and 400 {@code unreadable_body} when the stream breaks. A missing body is empty.
 */
public final class RequestBody {
    private RequestBody() {
    }

    public static byte[] read(InputStream body, int limitBytes) {
        return read(body, limitBytes, "The request body is larger than " + limitBytes + " bytes");
    }

    /** As {@link #read(InputStream, int)}, saying {@code tooLarge} when the body is over the limit. */
    public static byte[] read(InputStream body, int limitBytes, String tooLarge) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(limitBytes + 1);
        } catch (IOException e) {
            throw new StemException(ErrorCode.UNREADABLE_BODY, "The request body could not be read");
        }
        if (bytes.length > limitBytes) {
            throw tooLarge(tooLarge);
        }
        return bytes;
    }

    /** 413 {@code body_too_large}: also for a {@code Content-Length} over the limit, before reading. */
    public static StemException tooLarge(String message) {
        return new StemException(ErrorCode.BODY_TOO_LARGE, message);
    }
}
