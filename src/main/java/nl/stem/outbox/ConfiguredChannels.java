package nl.stem.outbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Which channels this installation can send on: those whose {@link ChannelSender} has its
 * credentials. The panel asks here before it invites anyone, so it needs no channel's configuration:
 * also which templates are missing, what a conversation costs, the daily limit, and what a failure
 * reason means on a channel.
 */
@ApplicationScoped
public class ConfiguredChannels {
    private final Instance<ChannelSender> senders;

    public ConfiguredChannels(Instance<ChannelSender> senders) {
        this.senders = senders;
    }

    /** The names of the channels that can send, e.g. {@code [telegram, whatsapp]}. */
    public Set<String> ids() {
        Set<String> out = new TreeSet<>();
        for (ChannelSender s : senders) {
            if (s.configured()) {
                out.add(s.channel());
            }
        }
        return out;
    }

    /** The configuration key to set so that a panel message in {@code language} can go on {@code channel}, if one is missing. */
    public Optional<String> missingTemplateKey(String channel, String language) {
        return sender(channel).flatMap(s -> s.missingTemplateKey(language));
    }

    /** The price of one business-initiated message to {@code recipient} on {@code channel}, if it has one. */
    public Optional<MessageCost> conversationCost(String channel, String recipient) {
        return sender(channel).flatMap(s -> s.conversationCost(recipient));
    }

    /** The channel's daily limit on new conversations; 0: none. */
    public int dailyConversationLimit(String channel) {
        return sender(channel).map(ChannelSender::dailyConversationLimit).orElse(0);
    }

    /** What to do about {@code reason} on {@code channel}: the channel's own words, else the reason's. */
    public String advice(String channel, FailureReason reason, String detail) {
        String own = sender(channel).map(s -> s.advice(reason, detail)).orElse(null);
        return own != null ? own : reason.todo();
    }

    /** The settings a channel needs before it can send, e.g. {@code [STEM_TELEGRAM_BOT_TOKEN, ...]}. */
    public static List<String> credentialKeys(String channel) {
        return switch (channel) {
            case "telegram" -> List.of("stem.telegram.bot-token (STEM_TELEGRAM_BOT_TOKEN)",
                    "stem.telegram.webhook-secret (STEM_TELEGRAM_WEBHOOK_SECRET)");
            case "whatsapp" -> List.of("stem.twilio.account-sid (STEM_TWILIO_ACCOUNT_SID)",
                    "stem.twilio.auth-token (STEM_TWILIO_AUTH_TOKEN)", "stem.twilio.whatsapp-from (STEM_TWILIO_WHATSAPP_FROM)");
            default -> List.of();
        };
    }

    private Optional<ChannelSender> sender(String channel) {
        for (ChannelSender s : senders) {
            if (s.channel().equals(channel)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
