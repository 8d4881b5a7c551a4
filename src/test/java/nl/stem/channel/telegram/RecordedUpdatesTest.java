package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.channel.InputText;
import nl.stem.text.CleanJson;
import nl.stem.text.TextRule;

/**
 * Every recorded Telegram update in src/test/resources/telegram through the pure mapper, as a
 * table, without Quarkus or a database: the file, and what the conversation gets from it. A new
 * recording without a row fails, so each one says what it means.
 */
class RecordedUpdatesTest {
    private static final Path DIR = Path.of("src/test/resources/telegram");
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** File name -> the event, as {@link #describe} writes it. */
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("callback_query.json", "chat 5301234567 tap lang:ar hint=ar callback=2276918432710981234"),
            Map.entry("document_audio.json", "chat 5301234567 media AUDIO hint=ar"),
            Map.entry("edited_message.json", "ignored edited_message"),
            Map.entry("location.json", "chat 5301234567 unsupported location hint=ar"),
            Map.entry("my_chat_member.json", "blocked 5301234567"),
            Map.entry("photo.json", "chat 5301234567 media IMAGE hint=ar"),
            Map.entry("start.json", "chat 5301234567 start hint=ar"),
            Map.entry("start_payload.json", "chat 5301234567 start hint=en start=q3T_9mZk-Lw2xYbVn8RtUe4oPa1sDf6GhJ0KcQiWl7E"),
            Map.entry("sticker.json", "chat 5301234567 unsupported sticker hint=ar"),
            Map.entry("text.json", "chat 5301234567 text \"مرحبا\" hint=ar"),
            Map.entry("video_note.json", "chat 5301234567 media VIDEO hint=ar"),
            Map.entry("voice.json", "chat 5301234567 media AUDIO hint=ar"));

    @Test
    void everyRecordedUpdate_mapsAsTheTableSays() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Update update = CleanJson.reader(JSON, Update.class, TextRule.REMOVE).readValue(in);
                    actual.put(f.getFileName().toString(), describe(UpdateMapper.map(update)));
                }
            }
        }
        assertEquals(new TreeMap<>(TABLE), actual);
    }

    static String describe(TelegramEvent e) {
        if (e instanceof TelegramEvent.FromChat c) {
            return "chat " + c.chatId() + " " + InputText.of(c.input()) + (c.languageHint() == null ? "" : " hint=" + c.languageHint())
                    + (c.startPayload() == null ? "" : " start=" + c.startPayload())
                    + (c.callbackQueryId() == null ? "" : " callback=" + c.callbackQueryId());
        }
        if (e instanceof TelegramEvent.Blocked b) {
            return "blocked " + b.chatId();
        }
        return "ignored " + ((TelegramEvent.Ignored) e).kind();
    }
}
