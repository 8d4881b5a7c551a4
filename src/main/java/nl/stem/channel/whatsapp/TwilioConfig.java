package nl.stem.channel.whatsapp;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * WhatsApp through Twilio, prefix {@code stem.twilio.}. The channel is active when both
 * {@code account-sid} and {@code auth-token} are set; the webhooks also need {@code stem.public-url}
 * (the URL Twilio signs).
 */
@ConfigMapping(prefix = "stem.twilio")
public interface TwilioConfig {

    /** The Twilio account SID ({@code AC...}); unset = WhatsApp channel off. */
    Optional<String> accountSid();

    /** The account's auth token: signs webhooks and authenticates API calls. Secret: set it only through {@code STEM_TWILIO_AUTH_TOKEN}. */
    Optional<String> authToken();

    /** The WhatsApp sender, e.g. {@code whatsapp:+3197010250000}. */
    Optional<String> whatsappFrom();

    /** Base URL of Twilio's REST API; tests point it at a fake on loopback (use a dot-free host such as {@code localhost}). */
    @WithDefault("https://api.twilio.com")
    String apiUrl();

    /** Messages per second for this sender (Twilio's default WhatsApp throughput is 10; more on request). */
    @WithDefault("10")
    double messagesPerSecond();

    /** Largest webhook body accepted, in bytes; larger gets 413 before the signature is checked. */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * The approved invitation template's ContentSid per language, e.g. {@code stem.twilio.templates.ar=HX...},
     * with {@code default} for languages without one. Used outside the 24-hour window; variable {@code 1}
     * is the invitation text on one line.
     */
    Map<String, String> templates();

    /**
     * Optional ContentSid of a {@code twilio/quick-reply} template per language (and {@code default}),
     * used for messages with 1 to 3 buttons inside the window. Variables: {@code 1} = text, then per
     * button i (0-based) {@code 2+2i} = title and {@code 3+2i} = id (Stem's payload). Without one,
     * buttons are offered as a list to type from.
     */
    Map<String, String> quickReplyTemplates();

    /** Whether SID and token are both set. */
    default boolean active() {
        return accountSid().filter(s -> !s.isBlank()).isPresent() && authToken().filter(s -> !s.isBlank()).isPresent();
    }

    /** Whether messages can be sent: credentials and a sender number are set. */
    default boolean canSend() {
        return active() && whatsappFrom().filter(f -> !f.isBlank()).isPresent();
    }
}
