package nl.stem.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
import nl.stem.outbox.FailureReason;
import nl.stem.outbox.MessageCost;
import nl.stem.outbox.OutboxMessage;

/**
 * Sends outbox messages to WhatsApp through Twilio's REST API (twilio-java).
 *
 * <p><b>24-hour window.</b> Free-form messages go only within 24 h of the respondent's last message.
 * Outside it only invitations go, as the approved template of the respondent's language; anything
 * else fails without calling Twilio.
 *
 * <p><b>Limits.</b> A template outside the window opens a conversation and counts toward Meta's daily
 * limit ({@code stem.twilio.daily-conversation-limit}; the outbox plans and checks it in PostgreSQL).
 * Parts of one long reply keep Meta's pair rate (about one message per 6 s to one person, with a
 * burst): past the burst the rest of the reply waits, and its resend skips the parts already sent
 * (their idempotency tokens). Every Twilio error Stem acts on is in {@link TwilioErrors}.
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
    /** How long a reply to a first message may wait for the webhook to record the window. */
    static final Duration FIRST_CONTACT_GRACE = Duration.ofSeconds(30);

    private final TwilioConfig config;
    private final Optional<String> publicUrl;
    private final WhatsAppIdentities identities;
    private final ObjectMapper json;
    private final Clock clock;
    private final PromptLinks links;
    /** Meta's pair rate, per recipient on this instance. */
    private final PairRate pairRate;

    private volatile TwilioRestClient client;

    @Inject
    public WhatsAppSender(TwilioConfig config, @ConfigProperty(name = "stem.public-url") Optional<String> publicUrl,
                          WhatsAppIdentities identities, ObjectMapper json, Clock clock, PromptLinks links) {
        this.config = config;
        this.publicUrl = publicUrl;
        this.identities = identities;
        this.json = json;
        this.clock = clock;
        this.links = links;
        this.pairRate = new PairRate(clock, config.pairInterval(), config.pairBurst());
    }

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
    public int dailyConversationLimit() {
        return Math.max(0, config.dailyConversationLimit());
    }

    @Override
    public Duration serviceWindow() {
        return Recipient.WINDOW;
    }

    /** A panel message outside the window (or one Twilio said needs the template) goes as a template: a new conversation. */
    @Override
    public boolean opensConversation(OutboxMessage message, Instant now) {
        if (!isPanelMessage(message.payload)) {
            return false;
        }
        return message.sendAsTemplate || !identities.recipient(message.recipient).inWindow(now);
    }

    @Override
    public Optional<String> missingTemplateKey(String language) {
        return lookup(config.templates(), language).isPresent() ? Optional.empty()
                : Optional.of("stem.twilio.templates." + (language == null ? "default" : language));
    }

    @Override
    public Optional<MessageCost> conversationCost(String recipient) {
        int country = countryCode(recipient);
        String category = config.templateCategory();
        Map<String, java.math.BigDecimal> byCountry = config.prices().get(category);
        return Optional.of(new MessageCost(category, country, byCountry == null ? null : byCountry.get(Integer.toString(country)),
                config.priceCurrency()));
    }

    @Override
    public String advice(FailureReason reason, String detail) {
        return switch (reason) {
            case NO_TEMPLATE -> "configure stem.twilio.templates." + (detail == null ? "<language>" : detail)
                    + " (or stem.twilio.templates.default) with an approved template's ContentSid";
            case NOT_ON_WHATSAPP -> "Twilio " + (detail == null ? "" : detail + " ") + "says the number cannot receive WhatsApp messages: "
                    + "check the member's number or invite them on Telegram; they are reachable again when they write";
            case UNDELIVERED -> {
                String meaning = TwilioErrors.DELIVERY.get(TwilioErrors.parse(detail));
                yield (meaning == null ? "Twilio error " + detail : "Twilio " + detail + ", " + meaning)
                        + "; the next invitation or reminder is tried again";
            }
            case DAILY_LIMIT -> "Meta's daily limit (stem.twilio.daily-conversation-limit = " + config.dailyConversationLimit()
                    + " new conversations per 24 hours) is reached";
            case SUPPRESSED -> "Meta held back a marketing template (Twilio 63049); retried up to " + config.suppressedMaxRetries()
                    + " times, hours apart; submit the templates as utility (docs/whatsapp-templates.md)";
            default -> null;
        };
    }

    @Override
    public SendResult send(OutboxMessage message) {
        if (!config.canSend()) {
            return new SendResult.Retry(Duration.ofMinutes(5), "WhatsApp channel not configured");
        }
        Outbound outbound;
        JsonNode tree;
        try {
            tree = json.readTree(message.payload);
            outbound = json.treeToValue(tree, Outbound.class);
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
        boolean template = message.sendAsTemplate || !recipient.inWindow(clock.instant());
        if (outbound.kind() == Outbound.Kind.VOICE) {
            // A question read aloud: a reply, so inside the window; its text follows as its own message.
            if (template) {
                return new SendResult.Failed("outside the 24-hour window", false);
            }
            Optional<String> url = outbound.audio() == null ? Optional.empty() : links.url(outbound.audio().sha256(), clock.instant());
            if (url.isEmpty()) {
                return new SendResult.Failed("no stem.public-url: Twilio cannot fetch the prompt", false);
            }
            parts = List.of(Part.media(url.get()));
        } else if (!template) {
            parts = new OutboundRenderer(json).freeForm(outbound, lookup(config.quickReplyTemplates(), language));
        } else if (outbound.kind() == Outbound.Kind.INVITATION) {
            PanelTemplate t = PanelTemplate.of(tree, outbound);
            Optional<String> sid = templateSid(t.name(), language);
            if (sid.isEmpty()) {
                return new SendResult.Failed("no " + t.name() + " template for language " + language, false, FailureReason.NO_TEMPLATE,
                        language == null ? "default" : language);
            }
            parts = List.of(Part.template(sid.get(), toJson(t.variables())));
        } else if (recipient.lastInboundAt() == null && justQueued(message)) {
            // First contact: the webhook records the window right after the conversation service
            // commits, and the sender may be woken by that commit a moment earlier.
            return new SendResult.Retry(Duration.ofSeconds(1), "24-hour window not recorded yet");
        } else if (message.sendAsTemplate) {
            return new SendResult.Failed("needs template", false, FailureReason.NEEDS_TEMPLATE, "63016");
        } else {
            return new SendResult.Failed("outside the 24-hour window", false, FailureReason.OUTSIDE_WINDOW);
        }
        String sid = null;
        for (int i = 0; i < parts.size(); i++) {
            String key = message.idempotencyKey + (parts.size() == 1 ? "" : "-" + (i + 1));
            Duration wait = pairRate.take(message.recipient);
            if (!wait.isZero()) {
                // Meta's pair rate: the rest of the reply goes later; the parts sent already are
                // skipped on the resend (Twilio answers their tokens with the first result).
                return new SendResult.Deferred(wait, "pair rate: part " + (i + 1) + " of " + parts.size() + " waits",
                        FailureReason.RATE_LIMITED, false, false);
            }
            Part part = parts.get(i);
            try {
                sid = TwilioHttpClient.withIdempotencyKey(key, () -> creator(message.recipient, part).create(client()).getSid());
            } catch (ApiException e) {
                return classify(e, message, outbound.kind() == Outbound.Kind.INVITATION && !message.sendAsTemplate
                        && templateSid(PanelTemplate.of(tree, outbound).name(), language).isPresent());
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

    /**
     * Twilio's answer to a request as an outcome ({@link TwilioErrors}). {@code templateExists}: the
     * message is a panel message not yet sent as its template, and one is configured.
     */
    SendResult classify(ApiException e, OutboxMessage m, boolean templateExists) {
        Integer status = e.getStatusCode();
        int code = e.getCode() == null ? -1 : e.getCode();
        if (code == TwilioErrors.OPTED_OUT) {
            return new SendResult.Failed("recipient opted out (Twilio 21610)", true, FailureReason.UNREACHABLE, "21610");
        }
        if (code == TwilioErrors.OUTSIDE_WINDOW) {
            return templateExists
                    ? new SendResult.Deferred(Duration.ZERO, "window closed (Twilio 63016): sent again as the template",
                            FailureReason.NEEDS_TEMPLATE, true, false)
                    : new SendResult.Failed("needs template", false, FailureReason.NEEDS_TEMPLATE, "63016");
        }
        if (code == TwilioErrors.SUPPRESSED) {
            return deferOrFail(m, config.suppressedRetryDelay(), config.suppressedMaxRetries(), FailureReason.SUPPRESSED,
                    "Meta chose not to deliver the marketing template (Twilio 63049)");
        }
        if (code == TwilioErrors.RATE_LIMITED) {
            return deferOrFail(m, config.rateLimitedRetryDelay(), config.rateLimitedMaxRetries(), FailureReason.RATE_LIMITED,
                    "rate or messaging limit exceeded (Twilio 63018)");
        }
        if (code > 0 && TwilioErrors.cannotReceive(code)) {
            return new SendResult.Failed("the number cannot receive this (Twilio " + code + ")", true, FailureReason.NOT_ON_WHATSAPP,
                    Integer.toString(code));
        }
        if (status != null && status >= 400 && status < 500 && status != 429 && code > 0) {
            // Twilio's own error JSON with a documented error code: never succeeds.
            return new SendResult.Failed("Twilio " + status + " code " + code + ": " + firstLine(e.getMessage()), false,
                    FailureReason.REFUSED, Integer.toString(code));
        }
        // Everything else is transient: no answer (connection refused, timeout), 429, 5xx, and any
        // answer that is not Twilio's error JSON (an HTML 502 from a proxy, an empty or truncated body,
        // a 4xx without a Twilio code), which twilio-java reports without status or code. A resend is
        // safe: it carries the same idempotency token. The SDK's message can quote the odd body, so
        // only its first line goes into last_error.
        return new SendResult.Retry(status != null && status == 429 ? Duration.ofSeconds(5) : Duration.ofSeconds(2),
                "Twilio " + (status == null ? "no valid answer" : status) + ": " + firstLine(e.getMessage()),
                status != null && status == 429 ? FailureReason.RATE_LIMITED : null);
    }

    /** Deferred with a doubling delay while deferrals are left, else failed with {@code reason}. */
    static SendResult deferOrFail(OutboxMessage m, Duration first, int max, FailureReason reason, String why) {
        if (m.deferrals >= max) {
            return new SendResult.Failed(why + "; given up after " + m.deferrals + " retries", false, reason, null);
        }
        return new SendResult.Deferred(growing(first, m.deferrals), why, reason, false, true);
    }

    /** {@code first} doubled {@code n} times (at most 2^10). */
    static Duration growing(Duration first, int n) {
        return first.multipliedBy(1L << Math.min(Math.max(n, 0), 10));
    }

    /** The template for a panel message: reminders fall back to the invitation's; feedback has its own only. */
    Optional<String> templateSid(String name, String language) {
        return switch (name) {
            case PanelTemplate.REMINDER -> lookup(config.reminderTemplates(), language).or(() -> lookup(config.templates(), language));
            case PanelTemplate.FEEDBACK -> lookup(config.feedbackTemplates(), language);
            default -> lookup(config.templates(), language);
        };
    }

    private boolean isPanelMessage(String payload) {
        try {
            JsonNode kind = json.readTree(payload).get("kind");
            return kind != null && Outbound.Kind.INVITATION.name().equals(kind.asText());
        } catch (JsonProcessingException | RuntimeException e) {
            return false;
        }
    }

    /** The country calling code of a WhatsApp address ({@code whatsapp:+31...}), or 0 when it has none. */
    static int countryCode(String recipient) {
        String number = recipient == null ? "" : recipient.startsWith("whatsapp:") ? recipient.substring(9) : recipient;
        try {
            return PhoneNumberUtil.getInstance().parse(number, "ZZ").getCountryCode();
        } catch (NumberParseException e) {
            return 0;
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static Optional<String> lookup(Map<String, String> byLanguage, String language) {
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
