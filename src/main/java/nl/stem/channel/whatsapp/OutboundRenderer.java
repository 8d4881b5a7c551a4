package nl.stem.channel.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.language.Digits;

/**
 * Renders an engine message in WhatsApp's idiom, where a session message has no buttons: every
 * option must be a line the respondent can read and answer by typing. The options a text already
 * lists ({@link Outbound#listed()}: a choice question's, the language menu) are not repeated; every
 * other button becomes a line of its own, "2 · لا" with the number the engine accepts back, or
 * "• Overslaan" where a typed number would be an answer (scale, number and text questions take the
 * label instead). Scale buttons that are numbers are explained by the legend. A quick-reply
 * template, where one is configured and at most 3 buttons fit it, shows the buttons as buttons.
 * Whether an option shows never depends on its words: "لا" inside "أهلاً" is not an option.
 */
final class OutboundRenderer {
    /** WhatsApp quick-reply limits: 3 buttons in a session, 20-character titles, 1024-character body. */
    static final int QUICK_REPLY_MAX_BUTTONS = 3;
    static final int QUICK_REPLY_TITLE_MAX = 20;
    static final int QUICK_REPLY_BODY_MAX = 1024;
    private static final char RLM = '\u200F';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private final ObjectMapper json;

    OutboundRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** Free-form rendering (inside the window): one or more parts, the buttons on the last. */
    List<Part> freeForm(Outbound m, Optional<String> quickReplySid) {
        List<Button> buttons = m.buttons();
        if (quickReplySid.isPresent() && fitsQuickReply(m)) {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("1", m.text());
            for (int i = 0; i < buttons.size(); i++) {
                vars.put(Integer.toString(2 + 2 * i), buttons.get(i).label());
                vars.put(Integer.toString(3 + 2 * i), buttons.get(i).payload());
            }
            return List.of(Part.template(quickReplySid.get(), toJson(vars)));
        }
        String text = m.text() + optionLines(m);
        List<Part> parts = new ArrayList<>();
        for (String s : MessageSplitter.split(text, MessageSplitter.BODY_LIMIT)) {
            parts.add(Part.text(s));
        }
        return parts;
    }

    /** The invitation template: variable 1 is the invitation text on one line (template variables may not hold line breaks). */
    Part invitationTemplate(Outbound m, String contentSid) {
        String oneLine = m.text().replaceAll("\\s*\\R\\s*", " ").replaceAll("[\\t ]{2,}", " ").strip();
        return Part.template(contentSid, toJson(Map.of("1", oneLine)));
    }

    static boolean fitsQuickReply(Outbound m) {
        List<Button> b = m.buttons();
        return !b.isEmpty() && b.size() <= QUICK_REPLY_MAX_BUTTONS && m.text().length() <= QUICK_REPLY_BODY_MAX
                && b.stream().allMatch(x -> x.label().length() <= QUICK_REPLY_TITLE_MAX);
    }

    /** Lines for the buttons the text does not already list, in the text's direction. */
    static String optionLines(Outbound m) {
        StringBuilder b = new StringBuilder();
        List<Button> buttons = m.buttons();
        for (int i = m.listed(); i < buttons.size(); i++) {
            Button button = buttons.get(i);
            String label = button.label();
            boolean hasNumber = button.number() != null && !button.number().isBlank();
            if (label == null || label.isBlank() || (!hasNumber && Digits.parseInt(label).isPresent())) {
                continue; // a scale value: the legend names the range
            }
            b.append('\n');
            if (m.rtl()) {
                b.append(RLM);
            }
            b.append(hasNumber ? button.number().strip() + " \u00B7 " : "\u2022 ");
            // Isolated, so a Latin label in Farsi text (or the reverse) does not scramble the line.
            b.append(FSI).append(label).append(PDI);
        }
        return b.length() == 0 ? "" : "\n" + b;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
