package nl.stem.survey.logic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;

class ConditionEvaluationTest {
    private final Map<String, AnswerValue> answers = new HashMap<>();

    {
        answers.put("status", AnswerValue.choice("work"));
        answers.put("langs", AnswerValue.choices(List.of("nl", "ar")));
        answers.put("years", AnswerValue.number(new BigDecimal("3")));
        answers.put("help", AnswerValue.scale(4));
        answers.put("job", AnswerValue.text("kok"));
        answers.put("consent", AnswerValue.consent());
        answers.put("story", AnswerValue.media(new MediaRef(MediaKind.AUDIO, "audio/ogg", 10L, 3, "f1")));
        answers.put("skipped", AnswerValue.skipped());
        answers.put("na", AnswerValue.notApplicable());
    }

    private boolean eval(String condition) {
        try {
            return ConditionParser.parse(condition).test(answers::get);
        } catch (ConditionSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void count_isHowManyChoicesAnAnswerHolds_andZeroWithoutAnAnswer() {
        assertTrue(eval("count(langs) == 2"));
        assertTrue(eval("count(status) == 1"));
        assertTrue(eval("count(consent) == 1"));
        assertTrue(eval("count(years) == 1"));
        assertTrue(eval("count(skipped) == 0"));
        assertTrue(eval("count(na) == 0"));
        assertTrue(eval("count(nothing) < 1"));
        assertTrue(eval("count(langs) >= 2 and not count(langs) > 2"));
        assertTrue(eval("count(langs) in [2, 3]"));
        answers.put("count", AnswerValue.number(new BigDecimal("2")));
        assertTrue(eval("count == 2"), "a question may still be called count");
    }

    @Test
    void test_whenSingleChoice_comparesTheChoiceId() {
        assertTrue(eval("status == 'work'"));
        assertFalse(eval("status == 'search'"));
        assertTrue(eval("status != 'search'"));
        assertFalse(eval("status != 'work'"));
        assertTrue(eval("'work' == status"));
    }

    @Test
    void test_whenNumbers_comparesNumericallyWithEveryOperator() {
        assertTrue(eval("years == 3.0"));
        assertTrue(eval("years != 2"));
        assertTrue(eval("years < 3.5"));
        assertFalse(eval("years < 3"));
        assertTrue(eval("years <= 3"));
        assertTrue(eval("years > 2"));
        assertFalse(eval("years > 3"));
        assertTrue(eval("years >= 3"));
        assertTrue(eval("years > -1"));
        assertTrue(eval("help >= 4 and help < 5"));
    }

    @Test
    void test_whenNumberComparedWithString_isFalseEvenForNotEquals() {
        assertFalse(eval("years == '3'"));
        assertFalse(eval("years != 'three'"));
        assertFalse(eval("status < 3"));
        assertFalse(eval("job > 'a'"));
    }

    @Test
    void test_whenTextAndConsent_compareTheirValues() {
        assertTrue(eval("job == 'kok'"));
        assertTrue(eval("consent == 'yes'"));
    }

    @Test
    void test_whenMultipleChoice_equalsMeansAmongTheChosen() {
        assertTrue(eval("langs == 'nl'"));
        assertTrue(eval("langs == 'ar'"));
        assertFalse(eval("langs == 'en'"));
        assertTrue(eval("langs != 'en'"));
        assertFalse(eval("langs != 'nl'"));
    }

    @Test
    void test_whenInBothWays_checksMembership() {
        assertTrue(eval("'nl' in langs"));
        assertFalse(eval("'en' in langs"));
        assertTrue(eval("'work' in status"));
        assertTrue(eval("status in ['search', 'work']"));
        assertFalse(eval("status in ['search', 'study']"));
        assertTrue(eval("langs in ['en', 'ar']"));
        assertFalse(eval("langs in ['en', 'fr']"));
        assertTrue(eval("years in [1, 3.00, 5]"));
        assertFalse(eval("years in ['3']"));
    }

    @Test
    void test_whenAnswerMissingSkippedOrNotApplicable_everyComparisonIsFalse() {
        for (String q : List.of("missing", "skipped", "na")) {
            assertFalse(eval(q + " == 'x'"), q);
            assertFalse(eval(q + " != 'x'"), q);
            assertFalse(eval(q + " < 3"), q);
            assertFalse(eval(q + " >= 3"), q);
            assertFalse(eval(q + " in ['x']"), q);
            assertFalse(eval("'x' in " + q), q);
            assertFalse(eval("answered(" + q + ")"), q);
            assertTrue(eval("empty(" + q + ")"), q);
            assertTrue(eval("not " + q + " == 'x'"), q);
        }
    }

    @Test
    void test_whenMediaAnswer_isAnsweredButHasNoComparableValue() {
        assertTrue(eval("answered(story)"));
        assertFalse(eval("empty(story)"));
        assertFalse(eval("story == 'x'"));
        assertFalse(eval("story != 'x'"));
    }

    @Test
    void test_whenLogic_combinesWithPrecedence() {
        assertTrue(eval("status == 'search' or status == 'work' and years > 2"));
        assertFalse(eval("(status == 'search' or status == 'work') and years > 5"));
        assertTrue(eval("not not status == 'work'"));
        assertFalse(eval("not (status == 'work' or years > 10)"));
        assertTrue(eval("status == 'work' and not empty(job) and 'ar' in langs"));
    }
}
