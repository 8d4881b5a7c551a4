package nl.stem.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.engine.Outbound;
import nl.stem.media.prompt.PromptLinks;
import nl.stem.outbox.ChannelSender;
import nl.stem.outbox.OutboxMessage;

/**
 * Sends outbox messages to WhatsApp through Twilio's REST API (twilio-java).
 *
 * <p><b>24-hour window.</b> Free-form messages go only within 24 h of the respondent's last message.
 * Outside it only invitations go, as the approved template of the respondent's language; anything
 * else fails without calling Twilio.
 *
 * <p><b>Delivery guarantee.</b> At least once to Twilio, at most once to the respondent as far as
 * Twilio honours idempotency tokens: every request for an outbox row carries the row's
 * {@code idempotency_key} (plus the part number for long texts) as {@code I-Twilio-Idempotency-Token},
 * on the first attempt and on every resend. The SDK's silent 5xx resends are switched off (see
 * {@link TwilioHttpClient}), so a resend only happens as an outbox Retry, counted in
 * {@code outbox.attempts} and recorded in {@code last_error}: a respondent can see a prompt twice
 * only if Twilio accepted a request, answered 5xx or timed out, and then ignored the token on the
 * resend, and then Stem knows that row was attempted more than once.
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {
    private static final Logger LOG = Logger.getLogger(WhatsAppSender.class);
    static final int TWILIO_OUTSIDE_WINDOW = 63016;
    static final int TWILIO_OPTED_OUT = 21610;
    /** How long a reply to a first message may wait for the webhook to record the window. */
    static final Duration FIRST_CONTACT_GRACE = Duration.ofSeconds(30);

    @Inject
    TwilioConfig config;
    @ConfigProperty(name = "stem.public-url")
    Optional<String> publicUrl;
    @Inject
    WhatsAppIdentities identities;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    PromptLinks links;

    private volatile TwilioRestClient client;

    @Override
    public String channel() {
        return WhatsAppIdentities.CHANNEL;
    }

    @Override
    public boolean configured() {
        return config.canSend();
    }

    @Override
    public double messagesPerSecond() {
        return config.messagesPerSecond();
    }

    /** Twilio does not promise order between quick successive messages; a short gap keeps an info before its question. */
    @Override
    public Duration perRecipientInterval() {
        return Duration.ofMillis(500);
    }

    @Override
    public SendResult send(OutboxMessage message) {
        if (!config.canSend()) {
            return new SendResult.Retry(Duration.ofMinutes(5), "WhatsApp channel not configured");
        }
        Outbound outbound;
        try {
            outbound = json.readValue(message.payload, Outbound.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed("unreadable outbox payload", false);
        }
        Recipient recipient = identities.recipient(message.recipient);
        if (message.respondentId == null && recipient == Recipient.UNKNOWN) {
            // The confirmation of an erasure: the identity is gone, but the message answers the one
            // they just sent, so the window opened when it was queued.
            recipient = new Recipient(message.createdAt, null, null);
        }
        if (recipient.optedOutAt() != null) {
            return new SendResult.Failed("recipient opted out on WhatsApp", true);
        }
        String language = recipient.language();
        List<Part> parts;
        if (outbound.kind() == Outbound.Kind.VOICE) {
            // A question read aloud: a reply, so inside the window; its text follows as its own message.
            if (!recipient.inWindow(clock.instant())) {
                return new SendResult.Failed("outside the 24-hour window", false);
            }
            Optional<String> url = outbound.audio() == null ? Optional.empty() : links.url(outbound.audio().sha256(), clock.instant());
            if (url.isEmpty()) {
                return new SendResult.Failed("no stem.public-url: Twilio cannot fetch the prompt", false);
            }
            parts = List.of(Part.media(url.get()));
        } else if (recipient.inWindow(clock.instant())) {
            parts = new OutboundRenderer(json).freeForm(outbound, lookup(config.quickReplyTemplates(), language));
        } else if (outbound.kind() == Outbound.Kind.INVITATION) {
            Optional<String> template = lookup(config.templates(), language);
            if (template.isEmpty()) {
                return new SendResult.Failed("no invitation template for language " + language, false);
            }
            parts = List.of(new OutboundRenderer(json).invitationTemplate(outbound, template.get()));
        } else if (recipient.lastInboundAt() == null && justQueued(message)) {
            // First contact: the webhook records the window right after the conversation service
            // commits, and the sender may be woken by that commit a moment earlier.
            return new SendResult.Retry(Duration.ofSeconds(1), "24-hour window not recorded yet");
        } else {
            return new SendResult.Failed("outside the 24-hour window", false);
        }
        String sid = null;
        for (int i = 0; i < parts.size(); i++) {
            String key = message.idempotencyKey + (parts.size() == 1 ? "" : "-" + (i + 1));
            Part part = parts.get(i);
            try {
                sid = TwilioHttpClient.withIdempotencyKey(key, () -> creator(message.recipient, part).create(client()).getSid());
            } catch (ApiException e) {
                return classify(e);
            }
        }
        return new SendResult.Sent(sid);
    }

    private boolean justQueued(OutboxMessage message) {
        return message.createdAt != null && message.createdAt.isAfter(clock.instant().minus(FIRST_CONTACT_GRACE));
    }

    private MessageCreator creator(String to, Part part) {
        MessageCreator c = part.mediaUrl() != null
                ? Message.creator(new PhoneNumber(to), new PhoneNumber(config.whatsappFrom().orElseThrow()),
                        List.of(java.net.URI.create(part.mediaUrl())))
                : Message.creator(new PhoneNumber(to), new PhoneNumber(config.whatsappFrom().orElseThrow()), part.body());
        if (part.contentSid() != null) {
            c.setContentSid(part.contentSid()).setContentVariables(part.contentVariables());
        }
        publicUrl.filter(u -> !u.isBlank()).ifPresent(u ->
                c.setStatusCallback((u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + TwilioStatusCallback.PATH));
        return c;
    }

    static SendResult classify(ApiException e) {
        Integer status = e.getStatusCode();
        Integer code = e.getCode();
        if (code != null && code == TWILIO_OPTED_OUT) {
            return new SendResult.Failed("recipient opted out (Twilio 21610)", true);
        }
        if (code != null && code == TWILIO_OUTSIDE_WINDOW) {
            return new SendResult.Failed("needs template", false);
        }
        if (status != null && status >= 400 && status < 500 && status != 429 && code != null) {
            // Twilio's own error JSON with a documented error code (21211 invalid number, ...): never succeeds.
            return new SendResult.Failed("Twilio " + status + " code " + code + ": " + e.getMessage(), false);
        }
        // Everything else is transient: no answer (connection refused, timeout), 429, 5xx, and any
        // answer that is not Twilio's error JSON (an HTML 502 from a proxy, an empty or truncated body,
        // a 4xx without a Twilio code), which twilio-java reports without status or code. A resend is
        // safe: it carries the same idempotency token. The SDK's message can quote the odd body, so
        // only its first line goes into last_error.
        return new SendResult.Retry(status != null && status == 429 ? Duration.ofSeconds(5) : Duration.ofSeconds(2),
                "Twilio " + (status == null ? "no valid answer" : status) + ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static Optional<String> lookup(java.util.Map<String, String> byLanguage, String language) {
        String sid = language == null ? null : byLanguage.get(language);
        return Optional.ofNullable(sid != null ? sid : byLanguage.get("default")).filter(s -> !s.isBlank());
    }

    private TwilioRestClient client() {
        TwilioRestClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = new TwilioRestClient.Builder(config.accountSid().orElseThrow(), config.authToken().orElseThrow())
                            .httpClient(new TwilioHttpClient(config.apiUrl())).build();
                    LOG.debug("Twilio REST client built");
                }
                c = client;
            }
        }
        return c;
    }
}
