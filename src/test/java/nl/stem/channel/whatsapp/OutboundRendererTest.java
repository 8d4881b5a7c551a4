package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;

class OutboundRendererTest {
    private final OutboundRenderer renderer = new OutboundRenderer(new ObjectMapper());

    @Test
    void consent_whenNoQuickReplyTemplate_listsTheButtonsAsNumberedLinesRightToLeft() {
        Outbound consent = new Outbound(Outbound.Kind.QUESTION, "شرکت می‌کنید؟",
                List.of(new Button("a:consent:yes", "بله، موافقم", "۱"), new Button("a:consent:no", "نه", "۲")), true, "consent");
        List<Part> parts = renderer.freeForm(consent, Optional.empty());
        assertEquals(List.of(Part.text("شرکت می‌کنید؟\n\n\u200F۱ · \u2068بله، موافقم\u2069\n\u200F۲ · \u2068نه\u2069")), parts);
    }

    /** The bug this replaced: "أهلاً" contains "لا", so the Arabic "No" was hidden, and so were "Ні", "Nee" and "Ja". */
    @Test
    void consent_whenALabelOccursInsideTheQuestion_isStillListed() {
        List<String[]> cases = List.of(
                new String[] {"أهلاً بك! هل توافق على المشاركة؟", "نعم، أوافق", "لا"},
                new String[] {"Ніколи не пізно: чи згодні ви взяти участь?", "Так, я погоджуюся", "Ні"},
                new String[] {"Neem je deel? Ja, dit jaar.", "Ja, ik ga akkoord", "Nee"},
                new String[] {"Jaar van aankomst en Ja of Nee?", "Ja", "Nee"});
        for (String[] c : cases) {
            Outbound m = new Outbound(Outbound.Kind.QUESTION, c[0],
                    List.of(new Button("a:consent:yes", c[1], "1"), new Button("a:consent:no", c[2], "2")), false, "consent");
            String body = renderer.freeForm(m, Optional.empty()).get(0).body();
            assertTrue(body.contains("\n1 · \u2068" + c[1] + "\u2069"), body);
            assertTrue(body.contains("\n2 · \u2068" + c[2] + "\u2069"), body);
        }
    }

    @Test
    void choices_whenTheEngineListedThemInTheText_areNotRepeated() {
        Outbound menu = new Outbound(Outbound.Kind.QUESTION, "Kies je taal:\n\n1. العربية\n2. Nederlands",
                List.of(new Button("lang:ar", "العربية", "1"), new Button("lang:nl", "Nederlands", "2")), false, null, 2);
        assertEquals("Kies je taal:\n\n1. العربية\n2. Nederlands", renderer.freeForm(menu, Optional.empty()).get(0).body());
    }

    @Test
    void choices_whenListedInTheText_stillListTheButtonsAfterThem() {
        Outbound q = new Outbound(Outbound.Kind.QUESTION, "Wat doe je?\n\n1. Werk\n2. School",
                List.of(new Button("a:q:work", "Werk", "1"), new Button("a:q:school", "School", "2"),
                        new Button("a:q:skip", "Overslaan", "3")), false, "q", 2);
        assertEquals("Wat doe je?\n\n1. Werk\n2. School\n\n3 · \u2068Overslaan\u2069", renderer.freeForm(q, Optional.empty()).get(0).body());
    }

    @Test
    void scale_listsOnlyTheNonNumericButton() {
        Outbound scale = new Outbound(Outbound.Kind.QUESTION, "Hoe goed?\n\n1 = slecht … 5 = goed",
                List.of(new Button("a:q:1", "1"), new Button("a:q:5", "5"), new Button("a:q:na", "Niet van toepassing")), false, "q");
        assertEquals("Hoe goed?\n\n1 = slecht … 5 = goed\n\n• \u2068Niet van toepassing\u2069", renderer.freeForm(scale, Optional.empty()).get(0).body());
    }

    @Test
    void buttons_fromAnOlderOutboxRowWithoutNumbers_areAllListed() throws Exception {
        Outbound old = new ObjectMapper().readValue("""
                {"kind":"QUESTION","text":"أهلاً بك!","buttons":[{"payload":"a:consent:yes","label":"نعم"},
                {"payload":"a:consent:no","label":"لا"}],"rtl":true,"questionId":"consent"}""", Outbound.class);
        assertEquals(0, old.listed());
        assertEquals("أهلاً بك!\n\n\u200F• \u2068نعم\u2069\n\u200F• \u2068لا\u2069", renderer.freeForm(old, Optional.empty()).get(0).body());
    }

    @Test
    void quickReply_whenConfiguredAndThreeButtonsOrFewer_isTheTemplateWithTitlesAndPayloads() {
        Outbound consent = new Outbound(Outbound.Kind.QUESTION, "Doe je mee?",
                List.of(new Button("a:consent:yes", "Ja"), new Button("a:consent:no", "Nee")), false, "consent");
        Part part = renderer.freeForm(consent, Optional.of("HXq")).get(0);
        assertNull(part.body());
        assertEquals("HXq", part.contentSid());
        assertEquals("{\"1\":\"Doe je mee?\",\"2\":\"Ja\",\"3\":\"a:consent:yes\",\"4\":\"Nee\",\"5\":\"a:consent:no\"}", part.contentVariables());
    }

    @Test
    void quickReply_whenMoreThanThreeButtons_fallsBackToText() {
        Outbound many = new Outbound(Outbound.Kind.QUESTION, "?", List.of(new Button("a", "A"), new Button("b", "B"),
                new Button("c", "C"), new Button("d", "D")), false, null);
        assertNull(renderer.freeForm(many, Optional.of("HXq")).get(0).contentSid());
    }

    @Test
    void invitationTemplate_putsTheTextOnOneLine() {
        Outbound inv = new Outbound(Outbound.Kind.INVITATION, "Hallo!\n\nDoe mee:  nu", List.of(), false, null);
        assertEquals("{\"1\":\"Hallo! Doe mee: nu\"}", renderer.invitationTemplate(inv, "HXi").contentVariables());
    }
}
