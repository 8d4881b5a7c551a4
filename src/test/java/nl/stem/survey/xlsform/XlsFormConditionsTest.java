package nl.stem.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.stem.conversation.EngineProducer;
import nl.stem.engine.Input;
import nl.stem.engine.Outbound;
import nl.stem.engine.StepResult;
import nl.stem.engine.SurveyEngine;
import nl.stem.survey.logic.ConditionParser;
import nl.stem.survey.logic.ConditionSyntaxException;
import nl.stem.survey.logic.Expr;
import nl.stem.survey.logic.ParsedCondition;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.xlsform.XlsFormConditions.Kind;

/**
 * XLSForm conditions one by one: each is translated, the Stem condition checked as text, then
 * evaluated by Stem's own parser and evaluator (what the engine runs) over answer sets whose result
 * XLSForm's semantics decide, unanswered questions included (XLSForm reads them as '').
 */
class XlsFormConditionsTest {

    static final Map<String, XlsFormConditions.Question> QUESTIONS = Map.of(
            "status", new XlsFormConditions.Question("status", Kind.SINGLE, Map.of("work", "work", "search", "search", "1", "1", "Study", "study"), null, null),
            "langs", new XlsFormConditions.Question("langs", Kind.MULTIPLE, Map.of("nl", "nl", "ar", "ar", "en", "en"), null, null),
            "years", new XlsFormConditions.Question("years", Kind.NUMBER, Map.of(), null, null),
            "help", new XlsFormConditions.Question("help", Kind.SCALE, Map.of(), null, null),
            "job", new XlsFormConditions.Question("job", Kind.TEXT, Map.of(), null, null),
            "consent", new XlsFormConditions.Question("consent", Kind.CONSENT, Map.of(), null, null),
            "story", new XlsFormConditions.Question("story", Kind.MEDIA, Map.of(), null, null),
            "intro", new XlsFormConditions.Question("intro", Kind.INFO, Map.of(), null, null));

    static final XlsFormConditions.Scope SCOPE = name -> {
        XlsFormConditions.Question q = QUESTIONS.get(name);
        if (q == null) {
            throw new XlsFormConditions.Refused("refers to unknown question '" + name + "'");
        }
        return q;
    };

    /** Answer sets by name. */
    static final Map<String, Map<String, AnswerValue>> SETS = new HashMap<>();

    static {
        SETS.put("none", Map.of());
        SETS.put("work", Map.of("status", AnswerValue.choice("work")));
        SETS.put("search", Map.of("status", AnswerValue.choice("search")));
        SETS.put("code1", Map.of("status", AnswerValue.choice("1")));
        SETS.put("nl", Map.of("langs", AnswerValue.choices(List.of("nl"))));
        SETS.put("nl+ar", Map.of("langs", AnswerValue.choices(List.of("nl", "ar"))));
        SETS.put("years3", Map.of("years", AnswerValue.number(new BigDecimal("3"))));
        SETS.put("years10", Map.of("years", AnswerValue.number(new BigDecimal("10"))));
        SETS.put("help5", Map.of("help", AnswerValue.scale(5)));
        SETS.put("help2", Map.of("help", AnswerValue.scale(2)));
        SETS.put("helpNa", Map.of("help", AnswerValue.notApplicable()));
        SETS.put("job", Map.of("job", AnswerValue.text("kok")));
        SETS.put("skippedJob", Map.of("job", AnswerValue.skipped()));
        SETS.put("consent", Map.of("consent", AnswerValue.consent()));
        SETS.put("story", Map.of("story", AnswerValue.media(new MediaRef(MediaKind.AUDIO, "audio/ogg", 1L, 1, "f"))));
        Map<String, AnswerValue> both = new HashMap<>();
        both.put("status", AnswerValue.choice("work"));
        both.put("years", AnswerValue.number(new BigDecimal("3")));
        SETS.put("work+years3", both);
    }

    /** XLSForm relevant, Stem condition, answer sets where it holds, answer sets where it does not. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("${status} = 'work'", "status == 'work'", "work", "none search"),
                c("${status} = \"work\"", "status == 'work'", "work", "none search"),
                c("'work' = ${status}", "status == 'work'", "work", "none search"),
                c("${status} = 1", "status == '1'", "code1", "none work"),
                c("${status} = 'Study'", "status == 'study'", "", "work"),
                c("${status} != 'work'", "not status == 'work'", "none search", "work"),
                c("${status} != 'work' and ${status} != ''", "status != 'work'", "search", "none work"),
                c("${status} != '' and ${status} != 'work'", "status != 'work'", "search", "none work"),
                c("${status} = ''", "empty(status)", "none", "work"),
                c("${status} != ''", "answered(status)", "work search", "none"),
                c("${job} != ''", "answered(job)", "job", "none skippedJob"),
                c("${story} != ''", "answered(story)", "story", "none"),
                c("${status}", "answered(status)", "work", "none"),
                c("selected(${status}, 'work')", "'work' in status", "work", "none search"),
                c("selected(${langs}, 'ar')", "'ar' in langs", "nl+ar", "none nl"),
                c("not(selected(${langs}, 'ar'))", "not 'ar' in langs", "none nl", "nl+ar"),
                c("${langs} != '' and not(selected(${langs}, 'ar'))", "langs != 'ar'", "nl", "none nl+ar"),
                c("${langs} = 'nl'", "'nl' in langs and count(langs) == 1", "nl", "none nl+ar"),
                c("count-selected(${langs}) >= 2", "count(langs) >= 2", "nl+ar", "none nl"),
                c("count-selected(${langs}) = 0", "count(langs) == 0", "none", "nl"),
                c("count-selected(${langs}) < 2", "count(langs) < 2", "none nl", "nl+ar"),
                c("${years} > 5", "years > 5", "years10", "none years3"),
                c("${years} >= 3", "years >= 3", "years3 years10", "none"),
                c("${years} < 5", "years < 5", "years3", "none years10"),
                c("${years} <= '3'", "years <= 3", "years3", "none years10"),
                c("5 < ${years}", "years > 5", "years10", "years3"),
                c("${years} != 3", "not years == 3", "none years10", "years3"),
                c("${years} = -1", "years == -1", "", "years3"),
                c("${help} >= 4", "help >= 4", "help5", "none help2 helpNa"),
                c("${help} = '5'", "help == 5", "help5", "none help2"),
                c("selected(${help}, '2')", "help == 2", "help2", "none help5"),
                c("${consent} = 'yes'", "consent == 'yes'", "consent", "none"),
                c("${consent} = 'OK'", "consent == 'yes'", "consent", "none"),
                c("${job} = 'kok'", "job == 'kok'", "job", "none"),
                c("${status} = 'work' and ${years} >= 3", "status == 'work' and years >= 3", "work+years3", "work years3 none"),
                c("${status} = 'work' or ${years} >= 3", "status == 'work' or years >= 3", "work years3 work+years3", "none search"),
                c("(${status} = 'work' or ${status} = 'search') and ${years} > 1", "(status == 'work' or status == 'search') and years > 1",
                        "work+years3", "work none years3"),
                c("${status} = 'work' or ${status} = 'search' and ${years} > 1", "status == 'work' or status == 'search' and years > 1",
                        "work work+years3", "search none"),
                c("not(${status} = 'work' or ${years} > 5)", "not (status == 'work' or years > 5)", "none search years3", "work years10"),
                c("not(not(${status} = 'work'))", "not not status == 'work'", "work", "none"),
                c("selected( ${langs} , 'ar' ) and ${help}>=4", "'ar' in langs and help >= 4", "", "nl+ar help5"));
    }

    static Arguments c(String xlsform, String stem, String holds, String fails) {
        return Arguments.of(xlsform, stem, holds, fails);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void relevant_translatesToAStemConditionWithTheSameMeaning(String xlsform, String stem, String holds, String fails) throws Exception {
        XlsFormConditions.Translation t = XlsFormConditions.relevant(XPathExpressions.parse(xlsform), SCOPE);
        assertEquals(stem, XlsFormConditions.stem(t.expr()));
        ParsedCondition parsed = ConditionParser.parse(stem); // what the validator and the engine read
        for (String set : holds.split(" ")) {
            if (!set.isEmpty()) {
                assertTrue(parsed.test(SETS.get(set)::get), xlsform + " should hold for " + set);
            }
        }
        for (String set : fails.split(" ")) {
            if (!set.isEmpty()) {
                assertTrue(!parsed.test(SETS.get(set)::get), xlsform + " should not hold for " + set);
            }
        }
    }

    /** Exported and read back, a Stem condition means the same; a second round changes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stemConditions")
    void when_exportedAndImported_isAFixpointWithTheSameMeaning(String when) throws Exception {
        Map<String, Kind> kinds = new HashMap<>();
        QUESTIONS.forEach((k, v) -> kinds.put(k, v.kind()));
        Expr original = ConditionParser.parse(when).expression();
        String xlsform = XlsFormConditions.relevant(original, kinds);
        Expr once = XlsFormConditions.relevant(XPathExpressions.parse(xlsform), SCOPE).expr();
        String xlsformAgain = XlsFormConditions.relevant(once, kinds);
        Expr twice = XlsFormConditions.relevant(XPathExpressions.parse(xlsformAgain), SCOPE).expr();
        assertEquals(XlsFormConditions.stem(once), XlsFormConditions.stem(twice), xlsform + " / " + xlsformAgain);
        for (Map.Entry<String, Map<String, AnswerValue>> set : SETS.entrySet()) {
            assertEquals(original.test(set.getValue()::get), once.test(set.getValue()::get), when + " on " + set.getKey() + " via " + xlsform);
        }
    }

    static Stream<String> stemConditions() {
        return Stream.of("status == 'work'", "status != 'work'", "langs == 'ar'", "langs != 'ar'", "'ar' in langs",
                "status in ['work', 'search']", "langs in ['nl', 'en']", "years in [3, 10]", "answered(job)", "empty(job)",
                "years >= 3 and years < 10", "3 <= years", "help != 5", "count(langs) >= 2", "count(langs) != 1",
                "not (status == 'work' or years > 5)", "status == 'work' and (years > 5 or help >= 4)",
                "consent == 'yes'", "job != 'kok'", "status == 'work' or status == 'search' and years > 1");
    }

    @Test
    void relevant_whenStemCannotSayIt_isRefusedWithTheReason() {
        assertEquals("refers to unknown question 'agee'", refused("${agee} > 18"));
        assertTrue(refused("${years} * 12 > 24").startsWith("arithmetic ('*') is not supported"));
        assertTrue(refused("${status} > 'work'").startsWith("orders status with '>': Stem orders numbers only"));
        assertTrue(refused("${langs} > 'a'").contains("Stem compares choices by name only"));
        assertTrue(refused("today() > 3").contains("the function today() is not supported"));
        assertTrue(refused("jr:choice-name(${status}, '${status}') = 'x'").contains("jr:choice-name() is not supported"));
        assertTrue(refused(". > 3").contains("'.' (a question's own answer) has no meaning in 'relevant'"));
        assertTrue(refused("${help} = 'na'").contains("Stem cannot test a scale for 'not applicable'"));
        assertTrue(refused("${years} = 'many'").contains("with the text 'many'"));
        assertTrue(refused("${intro} = 'x'").contains("intro is a note"));
        assertTrue(refused("${story} = 'x'").contains("its answer has no value to compare"));
        assertTrue(refused("selected(${years}, '3')").contains("selected() needs a select_one or select_multiple question"));
        assertTrue(refused("true()").contains("true() is not a condition Stem keeps"));
        assertTrue(refused("'a' = 'a'").contains("compares two fixed values"));
        assertTrue(refused("count-selected(${langs})").contains("needs a comparison"));
        assertThrows(XPathExpressions.SyntaxError.class, () -> XPathExpressions.parse("/data/status = 'x'"));
        assertThrows(XPathExpressions.SyntaxError.class, () -> XPathExpressions.parse("${status = 'x'"));
        assertThrows(XPathExpressions.SyntaxError.class, () -> XPathExpressions.parse("${status} = 'x"));
        assertThrows(XPathExpressions.SyntaxError.class, () -> XPathExpressions.parse("(".repeat(25) + "1" + ")".repeat(25)));
        assertThrows(XPathExpressions.SyntaxError.class, () -> XPathExpressions.parse("${a} = 1 ".repeat(200)));
    }

    @Test
    void constraint_becomesTheBoundsStemChecks() throws Exception {
        var n = XlsFormConditions.numberBounds(XPathExpressions.parse(". >= 0 and . <= 80"), "age", false);
        assertEquals(new BigDecimal("0"), n.min());
        assertEquals(new BigDecimal("80"), n.max());
        n = XlsFormConditions.numberBounds(XPathExpressions.parse("${age} > 17 and (. < 121)"), "age", false);
        assertEquals(new BigDecimal("18"), n.min());
        assertEquals(new BigDecimal("120"), n.max());
        n = XlsFormConditions.numberBounds(XPathExpressions.parse("0.5 <= ."), "w", true);
        assertEquals(new BigDecimal("0.5"), n.min());
        assertEquals(null, n.max());
        var t = XlsFormConditions.textBounds(XPathExpressions.parse("string-length(.) <= 200 and string-length(.) > 0"), "x");
        assertEquals(new BigDecimal("200"), t.max());
        var m = XlsFormConditions.selectionBounds(XPathExpressions.parse("count-selected(.) >= 2 and count-selected(.) < 4"), "x");
        assertEquals(new BigDecimal("2"), m.min());
        assertEquals(new BigDecimal("3"), m.max());
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.numberBounds(XPathExpressions.parse(". < 3 or . > 5"), "x", false));
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.numberBounds(XPathExpressions.parse(". != 3"), "x", false));
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.numberBounds(XPathExpressions.parse(". >= 1 and . >= 2"), "x", false));
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.numberBounds(XPathExpressions.parse(". >= ${other}"), "x", false));
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.textBounds(XPathExpressions.parse("regex(., '^[0-9]+$')"), "x"));
        assertThrows(XlsFormConditions.Refused.class, () -> XlsFormConditions.textBounds(XPathExpressions.parse("string-length(.) >= 5"), "x"));
    }

    /** The same conditions through the engine itself: a form's relevant decides which questions a respondent is asked. */
    @Test
    void importedRelevant_decidesWhatTheEngineAsks() throws IOException {
        XlsForms.Import i = Forms.form()
                .sheet("survey", "type", "name", "label::English (en)", "required", "relevant")
                .row("select_one status", "status", "What do you do?", "yes", null)
                .row("select_multiple langs", "langs", "Which languages?", "yes", null)
                .row("integer", "years", "How many years?", "yes", "${status} = 'work' and count-selected(${langs}) >= 2")
                .row("text", "job", "Which job?", "yes", "${years} > 5 or selected(${langs}, 'ar')")
                .row("note", "bye", "Thanks", null, "${status} != 'work'")
                .sheet("choices", "list_name", "name", "label::English (en)")
                .row("status", "work", "I work").row("status", "search", "I look for work")
                .row("langs", "nl", "Dutch").row("langs", "ar", "Arabic").row("langs", "en", "English")
                .sheet("settings", "form_id", "form_title").row("engine_check", "Engine check")
                .read();
        assertTrue(i.valid(), XlsFormImportTest.list(i));
        SurveyVersion v = new SurveyVersion(i.result().survey(), i.result().texts(), 1, i.result().checksum());
        SurveyEngine engine = new SurveyEngine(EngineProducer.readUiTexts(Path.of("translations/_stem")));

        assertEquals(List.of("status", "langs", "years", "job"), asked(engine, v, "a:status:work", "a:langs:nl", "a:langs:ar", "a:langs:done", "7", "kok"));
        assertEquals(List.of("status", "langs", "job", "bye"), asked(engine, v, "a:status:search", "a:langs:ar", "a:langs:done", "kok"));
        assertEquals(List.of("status", "langs", "bye"), asked(engine, v, "a:status:search", "a:langs:nl", "a:langs:done"));
        assertEquals(List.of("status", "langs", "years"), asked(engine, v, "a:status:work", "a:langs:nl", "a:langs:en", "a:langs:done", "3"));
    }

    /** The questions asked, in order, answering each with the next input (payloads start with "a:"). */
    private static List<String> asked(SurveyEngine engine, SurveyVersion v, String... inputs) {
        List<String> asked = new ArrayList<>();
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        StepResult r = engine.step(v, null, new Input.Start("en", null), now);
        collect(r, asked);
        for (String in : inputs) {
            now = now.plusSeconds(60);
            r = engine.step(v, r.state(), in.startsWith("a:") ? new Input.ButtonTap(in) : new Input.Text(in), now);
            collect(r, asked);
        }
        return asked;
    }

    private static void collect(StepResult r, List<String> asked) {
        for (Outbound o : r.messages()) {
            if ((o.kind() == Outbound.Kind.QUESTION || o.kind() == Outbound.Kind.INFO) && o.questionId() != null
                    && (asked.isEmpty() || !asked.get(asked.size() - 1).equals(o.questionId()))) {
                asked.add(o.questionId());
            }
        }
    }

    private static String refused(String xlsform) {
        try {
            XlsFormConditions.relevant(XPathExpressions.parse(xlsform), SCOPE);
        } catch (XlsFormConditions.Refused e) {
            return e.getMessage();
        } catch (XPathExpressions.SyntaxError e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(xlsform + " was not refused");
    }

    @Test
    void stemRendering_parsesBackToTheSameTree() throws ConditionSyntaxException {
        for (String when : stemConditions().toList()) {
            Expr e = ConditionParser.parse(when).expression();
            assertEquals(e, ConditionParser.parse(XlsFormConditions.stem(e)).expression(), when);
        }
    }
}
