package nl.stem.channel.whatsapp;

import java.util.Locale;
import java.util.Map;

import nl.stem.conversation.Inbound;
import nl.stem.engine.Input;
import nl.stem.language.LanguageGuess;
import nl.stem.phone.PhoneNumbers;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;

/**
 * Turns a Twilio WhatsApp webhook's parameters into a neutral {@link Input}. Anything odd (a
 * {@code NumMedia} that does not match the media parameters, a location, a sticker) becomes
 * {@link Input.Unsupported}, which the engine answers with a polite re-prompt.
 */
final class InboundMapping {
    private InboundMapping() {
    }

    /** Example: {@code {ButtonPayload=a:consent:yes}} gives {@code ButtonTap("a:consent:yes")}. */
    /** The message as the conversation service takes it; the form's fields are present and cleaned. */
    static Inbound inbound(Map<String, String> p) {
        return new Inbound(WhatsAppIdentities.CHANNEL, p.get("MessageSid"), p.get("From"), input(p), null, null, false, languageHint(p));
    }

    static Input input(Map<String, String> p) {
        String payload = p.get("ButtonPayload");
        if (payload != null && !payload.isEmpty()) {
            return new Input.ButtonTap(payload);
        }
        int numMedia;
        try {
            numMedia = p.get("NumMedia") == null || p.get("NumMedia").isBlank() ? 0 : Integer.parseInt(p.get("NumMedia").strip());
        } catch (NumberFormatException e) {
            return new Input.Unsupported("media:bad-count");
        }
        long urls = p.keySet().stream().filter(k -> k.matches("MediaUrl\\d+")).count();
        if (numMedia != urls || (numMedia > 0 && !p.containsKey("MediaUrl0"))) {
            return new Input.Unsupported("media:count-mismatch");
        }
        if (numMedia > 0) {
            // One answer per message: the first file is the answer (WhatsApp sends one file per message).
            return media(p.get("MediaUrl0"), p.get("MediaContentType0"));
        }
        return textOrOther(p);
    }

    /**
     * The language hint of a message: {@link LanguageGuess} from the sender's country ({@code From},
     * read with libphonenumber) and the script of its text ({@code Body}, also a media caption), most
     * likely first. Example: {@code From=whatsapp:+963944123456, Body=مرحبا} gives
     * {@code "ar,fa,ps,ckb,prs"}. Null when neither tells anything; never throws.
     */
    static String languageHint(Map<String, String> p) {
        String region = PhoneNumbers.regionOf(p.get("From")).orElse(null);
        return LanguageGuess.hint(region, p.get("Body"));
    }

    private static Input textOrOther(Map<String, String> p) {
        String type = p.getOrDefault("MessageType", "").toLowerCase(Locale.ROOT);
        if (p.containsKey("Latitude") || p.containsKey("Longitude") || type.equals("location")) {
            return new Input.Unsupported("location");
        }
        if (!type.isEmpty() && !type.equals("text") && !type.equals("button") && !type.equals("interactive")) {
            return new Input.Unsupported(type);
        }
        String body = p.get("Body");
        if (body == null || body.isBlank()) {
            return new Input.Unsupported(type.isEmpty() ? "empty" : type);
        }
        return new Input.Text(body);
    }

    private static Input media(String url, String contentType) {
        if (url == null || url.isBlank()) {
            return new Input.Unsupported("media:no-url");
        }
        String mime = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        MediaKind kind = mime.startsWith("audio/") ? MediaKind.AUDIO
                : mime.startsWith("video/") ? MediaKind.VIDEO
                : mime.startsWith("image/") ? MediaKind.IMAGE
                : null;
        if (kind == null) {
            return new Input.Unsupported("file:" + (mime.isEmpty() ? "unknown" : mime));
        }
        return new Input.Media(new MediaRef(kind, mime, null, null, url));
    }
}
