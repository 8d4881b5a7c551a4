package nl.stem.channel.telegram;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import nl.stem.engine.Input;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;

/**
 * Turns a Telegram {@link Update} into a {@link TelegramEvent}. Only private chats count: a bot
 * added to a group or channel does not run surveys there.
 */
final class UpdateMapper {
    /** {@code /start}, {@code /start@StemBot}, {@code /start <payload>}. */
    private static final Pattern START = Pattern.compile("^/start(?:@\\w+)?(?:\\s+(\\S+))?\\s*$", Pattern.CASE_INSENSITIVE);

    private UpdateMapper() {
    }

    static TelegramEvent map(Update update) {
        if (update.hasMessage()) {
            return message(update.getMessage());
        }
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery());
        }
        if (update.hasMyChatMember()) {
            var member = update.getMyChatMember();
            boolean privateChat = member.getChat() != null && "private".equals(member.getChat().getType());
            String status = member.getNewChatMember() == null ? null : member.getNewChatMember().getStatus();
            if (privateChat && "kicked".equals(status)) {
                return new TelegramEvent.Blocked(String.valueOf(member.getChat().getId()));
            }
            return new TelegramEvent.Ignored("my_chat_member");
        }
        if (update.hasEditedMessage()) {
            return new TelegramEvent.Ignored("edited_message");
        }
        if (update.hasChannelPost() || update.hasEditedChannelPost()) {
            return new TelegramEvent.Ignored("channel_post");
        }
        return new TelegramEvent.Ignored("other");
    }

    private static TelegramEvent message(Message m) {
        if (m.getChat() == null || !"private".equals(m.getChat().getType()) || m.getFrom() == null
                || Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return new TelegramEvent.Ignored("not_private");
        }
        String chatId = String.valueOf(m.getChatId());
        String hint = languageCode(m.getFrom());
        if (m.hasText()) {
            Matcher start = START.matcher(m.getText().strip());
            if (start.matches()) {
                return new TelegramEvent.FromChat(chatId, new Input.Start(null, hint), hint, start.group(1), null);
            }
            return new TelegramEvent.FromChat(chatId, new Input.Text(m.getText()), hint, null, null);
        }
        return new TelegramEvent.FromChat(chatId, nonText(m), hint, null, null);
    }

    /** Media become {@code Input.Media}; what a survey cannot use becomes {@code Input.Unsupported}. */
    static Input nonText(Message m) {
        if (m.hasVoice()) {
            var v = m.getVoice();
            return media(MediaKind.AUDIO, orDefault(v.getMimeType(), "audio/ogg"), v.getFileSize(), v.getDuration(), v.getFileId());
        }
        if (m.hasAudio()) {
            var a = m.getAudio();
            return media(MediaKind.AUDIO, orDefault(a.getMimeType(), "audio/mpeg"), a.getFileSize(), a.getDuration(), a.getFileId());
        }
        if (m.hasVideo()) {
            var v = m.getVideo();
            return media(MediaKind.VIDEO, orDefault(v.getMimeType(), "video/mp4"), v.getFileSize(), v.getDuration(), v.getFileId());
        }
        if (m.hasVideoNote()) {
            var v = m.getVideoNote();
            // Round videos carry no mime_type: Telegram records them as MP4.
            Long size = v.getFileSize() == null ? null : v.getFileSize().longValue();
            return media(MediaKind.VIDEO, "video/mp4", size, v.getDuration(), v.getFileId());
        }
        if (m.hasDocument()) {
            Document d = m.getDocument();
            String mime = d.getMimeType() == null ? "" : d.getMimeType().toLowerCase(Locale.ROOT);
            if (mime.startsWith("audio/")) {
                return media(MediaKind.AUDIO, mime, d.getFileSize(), null, d.getFileId());
            }
            if (mime.startsWith("video/")) {
                return media(MediaKind.VIDEO, mime, d.getFileSize(), null, d.getFileId());
            }
            return new Input.Unsupported("document");
        }
        if (m.hasPhoto() && !m.getPhoto().isEmpty()) {
            PhotoSize largest = largest(m.getPhoto());
            Long size = largest.getFileSize() == null ? null : largest.getFileSize().longValue();
            return media(MediaKind.IMAGE, "image/jpeg", size, null, largest.getFileId());
        }
        if (m.hasSticker()) {
            return new Input.Unsupported("sticker");
        }
        if (m.hasLocation()) {
            return new Input.Unsupported("location");
        }
        if (m.hasContact()) {
            return new Input.Unsupported("contact");
        }
        if (m.hasPoll()) {
            return new Input.Unsupported("poll");
        }
        return new Input.Unsupported("other");
    }

    private static TelegramEvent callback(CallbackQuery q) {
        MaybeInaccessibleMessage origin = q.getMessage();
        if (origin != null && origin.getChat() != null && !"private".equals(origin.getChat().getType())) {
            return new TelegramEvent.Ignored("callback_not_private");
        }
        if (q.getFrom() == null && origin == null) {
            return new TelegramEvent.Ignored("callback_without_chat");
        }
        // In a private chat the chat id is the user's id; the message may be inaccessible (date 0) but keeps its chat.
        String chatId = String.valueOf(origin != null && origin.getChatId() != null ? origin.getChatId() : q.getFrom().getId());
        String data = q.getData() == null ? "" : q.getData();
        return new TelegramEvent.FromChat(chatId, new Input.ButtonTap(data), languageCode(q.getFrom()), null, q.getId());
    }

    private static PhotoSize largest(List<PhotoSize> sizes) {
        // Telegram lists sizes in ascending order; compare anyway, the order is not a documented promise.
        return sizes.stream().max(Comparator.comparingLong(p -> (long) nz(p.getWidth()) * nz(p.getHeight()))).orElseThrow();
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static Input media(MediaKind kind, String mime, Long size, Integer duration, String fileId) {
        if (fileId == null || fileId.isBlank()) {
            return new Input.Unsupported(kind.name().toLowerCase(Locale.ROOT) + "_without_file");
        }
        return new Input.Media(new MediaRef(kind, mime, size, duration, fileId));
    }

    private static String languageCode(User from) {
        return from == null ? null : from.getLanguageCode();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.toLowerCase(Locale.ROOT);
    }
}
