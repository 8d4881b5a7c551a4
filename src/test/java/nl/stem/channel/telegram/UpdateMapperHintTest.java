package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.stem.engine.Input;

/**
 * Telegram's language_code reaches the conversation on every kind of input a private chat sends,
 * not only on /start: a button tap in the survey menu must keep the app's language.
 */
class UpdateMapperHintTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Recorded update -> the input kind it maps to. */
    private static final Map<String, Class<? extends Input>> RECORDED = Map.of(
            "text", Input.Text.class, "start", Input.Start.class, "start_payload", Input.Start.class,
            "callback_query", Input.ButtonTap.class, "voice", Input.Media.class, "video_note", Input.Media.class,
            "document_audio", Input.Media.class, "photo", Input.Media.class, "sticker", Input.Unsupported.class,
            "location", Input.Unsupported.class);

    @Test
    void everyRecordedInputKind_carriesTheSendersLanguageCode() throws IOException {
        for (Map.Entry<String, Class<? extends Input>> e : RECORDED.entrySet()) {
            TelegramEvent.FromChat chat = (TelegramEvent.FromChat) UpdateMapper.map(update(e.getKey(), "fa-IR"));
            assertTrue(e.getValue().isInstance(chat.input()), e.getKey() + ": " + chat.input());
            assertEquals("fa-IR", chat.languageHint(), e.getKey());
        }
    }

    @Test
    void languageCode_whenTheAppSendsNone_isNoHint() throws IOException {
        for (String name : RECORDED.keySet()) {
            assertNull(((TelegramEvent.FromChat) UpdateMapper.map(update(name, null))).languageHint(), name);
        }
    }

    private static Update update(String name, String languageCode) throws IOException {
        try (InputStream in = UpdateMapperHintTest.class.getResourceAsStream("/telegram/" + name + ".json")) {
            ObjectNode u = (ObjectNode) JSON.readTree(in);
            u.findParents("language_code").forEach(p -> {
                if (languageCode == null) {
                    ((ObjectNode) p).remove("language_code");
                } else {
                    ((ObjectNode) p).put("language_code", languageCode);
                }
            });
            return JSON.treeToValue(u, Update.class);
        }
    }
}
