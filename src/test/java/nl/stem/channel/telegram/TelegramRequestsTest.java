package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;

/**
 * {@code Outbound} -> Bot API requests, as a table, without Quarkus or the fake Bot API: what
 * {@link TelegramSender} sends for a message, one line per request.
 */
class TelegramRequestsTest {
    private static final long CHAT = 5301234567L;

    record Case(String label, Outbound message, List<String> requests) {
    }

    private static final List<Case> TABLE = List.of(
            new Case("a text alone", new Outbound(Outbound.Kind.INFO, "Dank je wel!", List.of(), false, null),
                    List.of("5301234567 \"Dank je wel!\"")),
            new Case("a question with buttons: the keyboard carries label and payload",
                    new Outbound(Outbound.Kind.QUESTION, "Doe je mee?", List.of(new Button("a:consent:yes", "Ja"),
                            new Button("a:consent:no", "Nee")), false, "consent"),
                    List.of("5301234567 \"Doe je mee?\" [Ja=a:consent:yes] [Nee=a:consent:no]")),
            new Case("a right-to-left question keeps its text as written",
                    new Outbound(Outbound.Kind.QUESTION, "هل توافق؟", List.of(new Button("a:consent:yes", "نعم")), true, "consent"),
                    List.of("5301234567 \"هل توافق؟\" [نعم=a:consent:yes]")),
            new Case("a text over 4096 characters: two requests, the keyboard on the last",
                    new Outbound(Outbound.Kind.QUESTION, "a".repeat(5000), List.of(new Button("a:q:1", "1")), false, "q"),
                    List.of("5301234567 (4096 characters)", "5301234567 (904 characters) [1=a:q:1]")));

    @Test
    void everyCase_becomesTheRequestsTheTableSays() {
        for (Case c : TABLE) {
            List<SendMessage> requests = TelegramSender.requests(CHAT, MessageParts.split(c.message().text(), MessageParts.MAX), c.message());
            List<String> actual = new ArrayList<>();
            for (SendMessage r : requests) {
                actual.add(describe(r));
            }
            assertEquals(c.requests(), actual, c.label());
        }
    }

    @Test
    void paidBroadcast_whenConfigured_marksEveryRequest_andOtherwiseNone() {
        Outbound long5000 = new Outbound(Outbound.Kind.INVITATION, "a".repeat(5000), List.of(), false, null);
        List<SendMessage> paid = TelegramSender.requests(CHAT, MessageParts.split(long5000.text(), MessageParts.MAX), long5000, true);
        assertEquals(List.of(true, true), paid.stream().map(SendMessage::getAllowPaidBroadcast).toList());
        List<SendMessage> free = TelegramSender.requests(CHAT, MessageParts.split(long5000.text(), MessageParts.MAX), long5000, false);
        assertEquals(java.util.Arrays.asList(null, null), free.stream().map(SendMessage::getAllowPaidBroadcast).toList());
    }

    private static String describe(SendMessage r) {
        StringBuilder b = new StringBuilder(r.getChatId());
        b.append(r.getText().length() > 200 ? " (" + r.getText().length() + " characters)" : " \"" + r.getText() + "\"");
        if (r.getReplyMarkup() instanceof InlineKeyboardMarkup k) {
            for (InlineKeyboardRow row : k.getKeyboard()) {
                for (InlineKeyboardButton button : row) {
                    b.append(" [").append(button.getText()).append('=').append(button.getCallbackData()).append(']');
                }
            }
        }
        return b.toString();
    }
}
