package nl.stem.channel.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import nl.stem.engine.Outbound;

/**
 * Which approved template a panel message goes as outside the window, with its variables, read
 * from the payload's {@code template} field that the panel adds. Example payload field:
 * {@code "template": {"name": "invitation", "variables": {"1": "OpenEmbassy", "2": "Toegang tot werk", "3": "5"}}}.
 * A payload without it (queued before issue 13) goes with the whole text as variable 1.
 */
record PanelTemplate(String name, Map<String, String> variables) {
    static final String INVITATION = "invitation";
    static final String REMINDER = "reminder";
    static final String FEEDBACK = "feedback";
    /** WhatsApp refuses template variables with line breaks, tabs or more than 4 spaces in a row. */
    private static final int MAX_VARIABLE = 1000;

    static PanelTemplate of(JsonNode payload, Outbound outbound) {
        JsonNode t = payload == null ? null : payload.get("template");
        Map<String, String> vars = new LinkedHashMap<>();
        if (t == null || !t.isObject() || t.get("variables") == null || !t.get("variables").isObject()) {
            vars.put("1", oneLine(outbound.text()));
            return new PanelTemplate(INVITATION, vars);
        }
        String name = t.path("name").asText(INVITATION);
        t.get("variables").fields().forEachRemaining(e -> vars.put(e.getKey(), oneLine(e.getValue().asText())));
        return new PanelTemplate(name.equals(REMINDER) || name.equals(FEEDBACK) ? name : INVITATION, vars);
    }

    /** The text on one line, without runs of spaces, as template variables must be. */
    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").replaceAll("[\\t ]{2,}", " ").strip();
        return s.length() > MAX_VARIABLE ? s.substring(0, MAX_VARIABLE) : s;
    }
}
