package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;

class OutboundRendererTest {
    private final OutboundRenderer renderer = new OutboundRenderer(new ObjectMapper());

    @Test
    void consent_whenNoQuickReplyTemplate_listsTheButtonLabelsRightToLeft() {
        Outbound consent = new Outbound(Outbound.Kind.QUESTION, "شرکت می‌کنید؟",
                List.of(new Button("a:consent:yes", "بله، موافقم"), new Button("a:consent:no", "نه")), true, "consent");
        List<Part> parts = renderer.freeForm(consent, Optional.empty());
        assertEquals(List.of(Part.text("شرکت می‌کنید؟\n\n\u200F• \u2068بله، موافقم\u2069\n\u200F• \u2068نه\u2069")), parts);
    }

    @Test
    void choices_whenTheEngineNumberedThemInTheText_areNotRepeated() {
        Outbound menu = new Outbound(Outbound.Kind.QUESTION, "Kies je taal:\n\n1. العربية\n2. Nederlands",
                List.of(new Button("lang:ar", "العربية"), new Button("lang:nl", "Nederlands")), false, null);
        assertEquals("Kies je taal:\n\n1. العربية\n2. Nederlands", renderer.freeForm(menu, Optional.empty()).get(0).body());
    }

    @Test
    void scale_listsOnlyTheNonNumericButton() {
        Outbound scale = new Outbound(Outbound.Kind.QUESTION, "Hoe goed?\n\n1 = slecht … 5 = goed",
                List.of(new Button("a:q:1", "1"), new Button("a:q:5", "5"), new Button("a:q:na", "Niet van toepassing")), false, "q");
        assertEquals("Hoe goed?\n\n1 = slecht … 5 = goed\n\n• \u2068Niet van toepassing\u2069", renderer.freeForm(scale, Optional.empty()).get(0).body());
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
