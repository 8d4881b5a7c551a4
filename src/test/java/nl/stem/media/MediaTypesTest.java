package nl.stem.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which content types the media worker accepts, without a database. */
class MediaTypesTest {

    @Test
    void acceptedType_whenSpecificMediaType_keepsItWithoutParameters() {
        assertEquals(Optional.of("audio/ogg"), MediaWorker.acceptedType("audio", "audio/ogg", "Audio/OGG; codecs=opus"));
        assertEquals(Optional.of("image/jpeg"), MediaWorker.acceptedType("audio", null, "image/jpeg"));
    }

    @Test
    void acceptedType_whenOctetStreamOrMissing_needsDeclaredTypeOfTheKind() {
        assertEquals(Optional.of("video/mp4"), MediaWorker.acceptedType("video", "video/mp4", "application/octet-stream"));
        assertEquals(Optional.of("audio/ogg"), MediaWorker.acceptedType("audio", "audio/ogg", null));
        assertEquals(Optional.empty(), MediaWorker.acceptedType("audio", "video/mp4", "application/octet-stream"));
        assertEquals(Optional.empty(), MediaWorker.acceptedType("video", null, "application/octet-stream"));
    }

    @Test
    void acceptedType_whenNotMedia_refuses() {
        assertEquals(Optional.empty(), MediaWorker.acceptedType("audio", "audio/ogg", "text/html"));
        assertEquals(Optional.empty(), MediaWorker.acceptedType("image", "image/png", "application/pdf"));
    }
}
