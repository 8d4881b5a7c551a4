package nl.stem.channel.telegram;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import nl.stem.media.prompt.PromptStore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.engine.Outbound;
import nl.stem.outbox.ChannelSender;
import nl.stem.outbox.OutboxMessage;

/**
 * Sends outbox messages to Telegram chats: the text (split into parts of at most 4,096 units, the
 * buttons as an inline keyboard on the last part) with sendMessage, and classifies the answer.
 * Ordering, rate limits, retries and bookkeeping are the outbox sender's.
 * <p>
 * Parts: one outbox row may need several sendMessage calls. Parts already sent are remembered in
 * memory per outbox row, so a retry sends only the rest; after a restart a retried row sends all of
 * its parts again (a long message may then be partly duplicated, never lost). Without a bot token
 * every send fails permanently, so this bean is harmless where Telegram is not configured.
 */
@ApplicationScoped
public class TelegramSender implements ChannelSender {
    private static final Logger LOG = Logger.getLogger(TelegramSender.class);
    /** Retry delay for 5xx, timeouts and connection failures. */
    static final Duration SHORT_RETRY = Duration.ofSeconds(2);

    private final Map<Long, Integer> partsSent = new ConcurrentHashMap<>();

    @Inject
    TelegramConfig config;
    @Inject
    BotApi api;
    @Inject
    ObjectMapper json;
    @Inject
    PromptStore prompts;

    @Override
    public String channel() {
        return Invitations.CHANNEL;
    }

    @Override
    public boolean configured() {
        return config.enabled();
    }

    @Override
    public double messagesPerSecond() {
        return config.paidBroadcast() ? config.paidBroadcastMessagesPerSecond() : config.messagesPerSecond();
    }

    @Override
    public Duration perRecipientInterval() {
        return config.perChatInterval();
    }

    @Override
    public SendResult send(OutboxMessage message) {
        if (!api.enabled()) {
            return new SendResult.Failed("Telegram is not configured (stem.telegram.bot-token)", false);
        }
        long chatId;
        Outbound outbound;
        try {
            chatId = Long.parseLong(message.recipient);
            outbound = json.readValue(message.payload, Outbound.class);
        } catch (NumberFormatException | JsonProcessingException e) {
            return new SendResult.Failed("Unreadable outbox message: " + e.getClass().getSimpleName(), false);
        }
        if (outbound.kind() == Outbound.Kind.VOICE) {
            return sendVoice(chatId, outbound);
        }
        List<String> parts = MessageParts.split(outbound.text(), MessageParts.MAX);
        if (parts.isEmpty()) {
            return new SendResult.Failed("Empty text: Telegram refuses empty messages", false);
        }
        List<SendMessage> requests;
        try {
            requests = requests(chatId, parts, outbound, config.paidBroadcast());
        } catch (Keyboards.CallbackDataException e) {
            return new SendResult.Failed(e.getMessage(), false);
        }
        Long key = message.id;
        int from = key == null ? 0 : partsSent.getOrDefault(key, 0);
        String lastId = null;
        for (int i = from; i < requests.size(); i++) {
            try {
                Message sent = api.client().execute(requests.get(i));
                lastId = sent == null || sent.getMessageId() == null ? null : String.valueOf(sent.getMessageId());
            } catch (TelegramApiException e) {
                if (key != null && i > 0) {
                    partsSent.put(key, i);
                }
                SendResult result = classify(e);
                if (!(result instanceof SendResult.Retry) && key != null) {
                    partsSent.remove(key);
                }
                return result;
            }
        }
        if (key != null) {
            partsSent.remove(key);
        }
        return new SendResult.Sent(lastId);
    }

    /**
     * A question read aloud, with sendVoice: the file's Telegram {@code file_id} when it was uploaded
     * before (Telegram keeps it; no bytes go twice), else the file itself, whose new file_id is then
     * remembered. A prompt that is gone (a version's audio removed) fails for good: the question's
     * text follows in its own message either way.
     */
    private SendResult sendVoice(long chatId, Outbound outbound) {
        String sha = outbound.audio() == null ? null : outbound.audio().sha256();
        Optional<String> known = sha == null ? Optional.empty() : prompts.telegramFileId(sha);
        InputFile file;
        if (known.isPresent()) {
            file = new InputFile(known.get());
        } else {
            Optional<byte[]> bytes = sha == null ? Optional.empty() : prompts.content(sha);
            if (bytes.isEmpty()) {
                return new SendResult.Failed("No prompt file " + sha, false);
            }
            file = new InputFile(new ByteArrayInputStream(bytes.get()), "question.ogg");
        }
        SendVoice.SendVoiceBuilder<?, ?> voice = SendVoice.builder().chatId(chatId).voice(file);
        if (outbound.audio().durationMs() > 0) {
            voice.duration((int) Math.max(1, Math.round(outbound.audio().durationMs() / 1000.0)));
        }
        try {
            Message sent = api.client().execute(voice.build());
            if (known.isEmpty() && sent != null && sent.getVoice() != null && sent.getVoice().getFileId() != null) {
                prompts.rememberTelegramFileId(sha, sent.getVoice().getFileId());
            }
            return new SendResult.Sent(sent == null || sent.getMessageId() == null ? null : String.valueOf(sent.getMessageId()));
        } catch (TelegramApiException e) {
            return classify(e);
        }
    }

    /** The Bot API requests for one message: its parts in order, the keyboard on the last. */
    static List<SendMessage> requests(long chatId, List<String> parts, Outbound outbound) {
        return requests(chatId, parts, outbound, false);
    }

    /** As above; {@code paidBroadcast}: each request may go past the free limits, for a fee (stem.telegram.paid-broadcast). */
    static List<SendMessage> requests(long chatId, List<String> parts, Outbound outbound, boolean paidBroadcast) {
        List<SendMessage> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            var b = SendMessage.builder().chatId(chatId).text(parts.get(i));
            if (paidBroadcast) {
                b.allowPaidBroadcast(true);
            }
            if (i == parts.size() - 1 && !outbound.buttons().isEmpty()) {
                b.replyMarkup(Keyboards.of(outbound.buttons()));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * Only Telegram's own JSON error with a documented permanent code ends a message: 403 (the user
     * blocked the bot: unreachable) and 400 (Telegram refuses this message, e.g. chat not found).
     * 429 is retried after Telegram's {@code retry_after}; everything else is transient and retried
     * soon: 5xx, 401/404 (a token being rotated is the operator's problem, not the message's), and any
     * answer that is not Telegram's JSON. telegrambots reports those with error code 0: an HTML 502
     * page from Telegram's edge or a proxy, an empty or truncated body, a JSON without
     * {@code error_code}. A request the library refused before sending it is permanent.
     */
    static SendResult classify(TelegramApiException e) {
        if (e instanceof TelegramApiValidationException) {
            return new SendResult.Failed("Telegram request invalid: " + e.getMessage(), false);
        }
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            int code = r.getErrorCode();
            String reason = "Telegram " + code + (r.getApiResponse() == null ? "" : ": " + r.getApiResponse());
            if (code == 429) {
                Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                // Telegram's block applies to the whole bot: the coordinator sees it as a rate limit.
                return new SendResult.Retry(after == null ? SHORT_RETRY : Duration.ofSeconds(after), reason,
                        nl.stem.outbox.FailureReason.RATE_LIMITED);
            }
            if (code == 403) {
                return new SendResult.Failed(reason, true, nl.stem.outbox.FailureReason.UNREACHABLE, "blocked");
            }
            if (code == 400) {
                return new SendResult.Failed(reason, false);
            }
            return new SendResult.Retry(SHORT_RETRY, reason);
        }
        if (e instanceof TelegramApiRequestException) {
            // Telegram's edge, a proxy or a cut connection answered, not the Bot API: its text may echo the request.
            return new SendResult.Retry(SHORT_RETRY, "Telegram answer not the Bot API's JSON (error code "
                    + ((TelegramApiRequestException) e).getErrorCode() + ")");
        }
        // No answer from Telegram: connection refused, timeout, unreadable response. The cause's class
        // only: an OkHttp message could carry the request URL, and with it the token.
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String kind = cause instanceof InterruptedIOException ? "timeout" : cause instanceof IOException ? "I/O error" : "no valid answer";
        LOG.debugf("Telegram send: %s (%s)", kind, cause.getClass().getSimpleName());
        return new SendResult.Retry(SHORT_RETRY, "Telegram " + kind + ": " + cause.getClass().getSimpleName());
    }
}
