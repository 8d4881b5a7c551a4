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

    /** Messages per second for this sender (Twilio's default WhatsApp throughput is 80 per sender). */
    @WithDefault("80")
    double messagesPerSecond();

    /**
     * Meta's messaging limit: most distinct people who get a business-initiated message (a template
     * outside their 24-hour window) in any rolling 24 hours, for the whole business portfolio. A new
     * portfolio starts at 250, then 2,000, 10,000, 100,000 and unlimited; set what WhatsApp Manager
     * shows ({@code 0}: no limit). People whose window is open do not count.
     */
    @WithDefault("250")
    int dailyConversationLimit();

    /**
     * Meta's pair rate: about one message every 6 seconds to one person, with bursts borrowed from
     * later. At most {@code pair-burst} messages to one person at once, then one per {@code pair-interval}.
     */
    @WithDefault("PT6S")
    java.time.Duration pairInterval();

    /** The burst of the pair rate (see {@link #pairInterval()}): Meta allows 45 at once, borrowed from later. */
    @WithDefault("45")
    int pairBurst();

    /** Meta's category of the approved templates ({@code utility}, {@code marketing}): what the dry run prices them as. */
    @WithDefault("marketing")
    String templateCategory();

    /**
     * The price of one template message per category and country calling code, e.g.
     * {@code stem.twilio.prices.marketing.31=0.1597} (Meta's rate for a Dutch number; Twilio adds its
     * own fee). Examples only: take today's rates from Meta's and Twilio's price lists.
     */
    Map<String, Map<String, java.math.BigDecimal>> prices();

    /** The currency of {@link #prices()}. */
    @WithDefault("USD")
    String priceCurrency();

    /** First delay after Meta held a marketing template back (Twilio 63049); doubled each time. */
    @WithDefault("PT4H")
    java.time.Duration suppressedRetryDelay();

    /** How often a held-back template is tried again before it fails as {@code suppressed}. */
    @WithDefault("3")
    int suppressedMaxRetries();

    /** First delay after Twilio's rate or messaging limit (63018); doubled each time. */
    @WithDefault("PT15M")
    java.time.Duration rateLimitedRetryDelay();

    /** How often a message hit by 63018 is tried again before it fails as {@code rate_limited}. */
    @WithDefault("4")
    int rateLimitedMaxRetries();

    /** Largest webhook body accepted, in bytes; larger gets 413 before the signature is checked. */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * The approved invitation template's ContentSid per language, e.g. {@code stem.twilio.templates.ar=HX...},
     * with {@code default} for languages without one. Used outside the 24-hour window; variables
     * {@code 1} = the organisation, {@code 2} = the survey's title in the member's language,
     * {@code 3} = about how many minutes it takes (docs/whatsapp-templates.md).
     */
    Map<String, String> templates();

    /** The reminder template per language (and {@code default}), same variables; without one, reminders use the invitation template. */
    Map<String, String> reminderTemplates();

    /**
     * The feedback template per language (and {@code default}): {@code 1} = the organisation,
     * {@code 2} = the survey's title, {@code 3} = the coordinator's message on one line. Without one,
     * feedback reaches only members whose window is open.
     */
    Map<String, String> feedbackTemplates();

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
