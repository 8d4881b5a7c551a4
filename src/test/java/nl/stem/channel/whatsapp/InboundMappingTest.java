package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.engine.Input;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;

class InboundMappingTest {

    @Test
    void buttonPayload_winsOverTheBody() {
        assertEquals(new Input.ButtonTap("a:consent:yes"), InboundMapping.input(Map.of("Body", "Ja", "ButtonPayload", "a:consent:yes", "NumMedia", "0")));
    }

    @Test
    void body_isText() {
        assertEquals(new Input.Text("۳"), InboundMapping.input(Map.of("Body", "۳", "NumMedia", "0")));
    }

    @Test
    void media_kindFromTheContentType() {
        assertEquals(new Input.Media(new MediaRef(MediaKind.AUDIO, "audio/ogg", null, null, "u")),
                InboundMapping.input(Map.of("NumMedia", "1", "MediaUrl0", "u", "MediaContentType0", "audio/ogg")));
        assertEquals(MediaKind.VIDEO, ((Input.Media) InboundMapping.input(Map.of("NumMedia", "1", "MediaUrl0", "u", "MediaContentType0", "video/mp4"))).media().kind());
        assertEquals(MediaKind.IMAGE, ((Input.Media) InboundMapping.input(Map.of("NumMedia", "1", "MediaUrl0", "u", "MediaContentType0", "image/jpeg"))).media().kind());
        assertEquals(new Input.Unsupported("file:application/pdf"),
                InboundMapping.input(Map.of("NumMedia", "1", "MediaUrl0", "u", "MediaContentType0", "application/pdf")));
    }

    @Test
    void numMedia_whenItDoesNotMatchTheUrls_isUnsupported() {
        assertEquals(new Input.Unsupported("media:count-mismatch"), InboundMapping.input(Map.of("NumMedia", "2", "MediaUrl0", "u")));
        assertEquals(new Input.Unsupported("media:count-mismatch"), InboundMapping.input(Map.of("NumMedia", "0", "MediaUrl0", "u", "Body", "x")));
        assertEquals(new Input.Unsupported("media:count-mismatch"), InboundMapping.input(Map.of("NumMedia", "1", "MediaUrl3", "u")));
        assertEquals(new Input.Unsupported("media:bad-count"), InboundMapping.input(Map.of("NumMedia", "many")));
    }

    @Test
    void locationAndOtherTypes_areUnsupported() {
        assertEquals(new Input.Unsupported("location"), InboundMapping.input(Map.of("Latitude", "52.1", "Longitude", "4.3", "NumMedia", "0")));
        assertEquals(new Input.Unsupported("sticker"), InboundMapping.input(Map.of("MessageType", "sticker", "NumMedia", "0")));
        assertEquals(new Input.Unsupported("reaction"), InboundMapping.input(Map.of("MessageType", "reaction", "Body", "👍")));
        assertEquals(new Input.Unsupported("empty"), InboundMapping.input(Map.of("NumMedia", "0")));
    }
}
