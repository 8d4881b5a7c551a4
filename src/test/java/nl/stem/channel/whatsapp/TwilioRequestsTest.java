package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;

/**
 * {@code Outbound} -> Twilio message parts, as a table, without Quarkus or the fake Twilio: what
 * {@link WhatsAppSender} sends inside the 24-hour window, with and without a quick-reply template,
 * and the invitation template outside it. One line per Twilio message.
 */
class TwilioRequestsTest {
    private static final OutboundRenderer RENDERER = new OutboundRenderer(new ObjectMapper());
    private static final Outbound CONSENT = new Outbound(Outbound.Kind.QUESTION, "Doe je mee?",
            List.of(new Button("a:consent:yes", "Ja", "1"), new Button("a:consent:no", "Nee", "2")), false, "consent");

    record Case(String label, Outbound message, Optional<String> quickReplySid, List<String> parts) {
    }

    private static final List<Case> TABLE = List.of(
            new Case("a text alone is one body", new Outbound(Outbound.Kind.INFO, "Dank je wel!", List.of(), false, null),
                    Optional.empty(), List.of("body \"Dank je wel!\"")),
            new Case("buttons without a quick-reply template: numbered lines under the question, each label isolated (FSI..PDI)",
                    CONSENT, Optional.empty(), List.of("body \"Doe je mee?\n\n1 · \u2068Ja\u2069\n2 · \u2068Nee\u2069\"")),
            new Case("buttons with a quick-reply template: the template, text and buttons as its variables", CONSENT,
                    Optional.of("HXquick"), List.of("template HXquick {\"1\":\"Doe je mee?\",\"2\":\"Ja\",\"3\":\"a:consent:yes\","
                            + "\"4\":\"Nee\",\"5\":\"a:consent:no\"}")));

    @Test
    void everyCase_becomesThePartsTheTableSays() {
        for (Case c : TABLE) {
            List<String> actual = new ArrayList<>();
            for (Part p : RENDERER.freeForm(c.message(), c.quickReplySid())) {
                actual.add(describe(p));
            }
            assertEquals(c.parts(), actual, c.label());
        }
    }

    @Test
    void invitationOutsideTheWindow_isTheTemplateWithTheTextOnOneLine() {
        Outbound invitation = new Outbound(Outbound.Kind.INFO, "Hallo!\nDoe je mee  aan de enquête?", List.of(), false, null);
        assertEquals("template HXinvite {\"1\":\"Hallo! Doe je mee aan de enquête?\"}",
                describe(RENDERER.invitationTemplate(invitation, "HXinvite")));
    }

    private static String describe(Part p) {
        return p.body() != null ? "body \"" + p.body() + "\"" : "template " + p.contentSid() + " " + p.contentVariables();
    }
}
