package nl.stem.survey;

import java.nio.charset.StandardCharsets;

/**
 * Reads just enough of an Ogg file to tell whether it is Ogg/Opus (what Telegram's sendVoice and
 * WhatsApp's voice notes need) and how long it plays: the first page must carry an
 * {@code OpusHead} packet, and the last page's granule position, minus the pre-skip, counts 48 kHz
 * samples (RFC 7845, sections 4 and 5.1). Pure; never throws on bad bytes.
 */
public final class OggOpus {
    private static final byte[] CAPTURE = "OggS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPUS_HEAD = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final int SAMPLE_RATE = 48_000;

    private OggOpus() {
    }

    /** The duration in milliseconds, or why the bytes are not Ogg/Opus. */
    public record Probe(long durationMs, String problem) {
    }

    public static Probe probe(byte[] b) {
        if (b == null || b.length < 47 || !at(b, 0, CAPTURE)) {
            return new Probe(0, "not an Ogg file (it must be OGG/Opus, as voice notes are)");
        }
        int segments = b[26] & 0xFF;
        int data = 27 + segments;
        if (data + 19 > b.length || !at(b, data, OPUS_HEAD)) {
            return new Probe(0, "an Ogg file without Opus audio (it must be OGG/Opus, as voice notes are; Vorbis is not played as a voice note)");
        }
        int preSkip = (b[data + 10] & 0xFF) | (b[data + 11] & 0xFF) << 8;
        long granule = -1;
        // The last page that starts with the capture pattern holds the final granule position.
        for (int i = b.length - 27; i >= 0; i--) {
            if (at(b, i, CAPTURE) && b[i + 4] == 0) {
                granule = 0;
                for (int k = 7; k >= 0; k--) {
                    granule = granule << 8 | (b[i + 6 + k] & 0xFF);
                }
                break;
            }
        }
        if (granule <= preSkip) {
            return new Probe(0, "an Opus file without any audio");
        }
        return new Probe((granule - preSkip) * 1000 / SAMPLE_RATE, null);
    }

    private static boolean at(byte[] b, int offset, byte[] pattern) {
        if (offset < 0 || offset + pattern.length > b.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (b[offset + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }
}
