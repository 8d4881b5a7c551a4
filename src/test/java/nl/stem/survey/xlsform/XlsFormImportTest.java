package nl.stem.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.stem.survey.SurveyProblem.Severity;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.TextQuestion;

/**
 * Forms laid out as the field writes them (KoBoToolbox's and ODK's conventions: label::Language
 * (code) columns, metadata rows, groups, yes/no lists, numeric choice codes, $kuid columns), our own
 * content: what Stem takes over, and the exact problem for the rest.
 */
class XlsFormImportTest {

    static void assertProblem(XlsForms.Import i, String where, Severity severity, String fragment) {
        for (XlsFormProblem p : i.problems()) {
            if (p.where().equals(where) && p.severity() == severity && p.message().contains(fragment)) {
                return;
            }
        }
        fail("no " + severity + " at " + where + " containing \"" + fragment + "\" in:\n" + list(i));
    }

    static String list(XlsForms.Import i) {
        return i.problems().stream().map(XlsFormProblem::toString).collect(Collectors.joining("\n"));
    }

    static List<XlsFormProblem> errors(XlsForms.Import i) {
        return i.problems().stream().filter(XlsFormProblem::isError).toList();
    }

    static Question q(Survey s, String id) {
        return s.question(id).orElseThrow(() -> new AssertionError("no question " + id + " in " + s.questions()));
    }

    /** A household-style form as KoBoToolbox exports it, with only features Stem takes over (and metadata). */
    static Forms koboForm() {
        return Forms.form()
                .sheet("survey", "type", "name", "label::English (en)", "label::Arabic (ar)", "hint::English (en)", "hint::Arabic (ar)",
                        "required", "relevant", "constraint", "constraint_message::English (en)", "constraint_message::Arabic (ar)",
                        "appearance", "$kuid", "$autoname")
                .row("start", "start", null, null, null, null, null, null, null, null, null, null, "k1", "start")
                .row("end", "end", null, null, null, null, null, null, null, null, null, null, "k2", "end")
                .row("today", "today", null, null, null, null, null, null, null, null, null, null, "k3", "today")
                .row("begin_group", "household", "Household", "الأسرة", null, null, null, null, null, null, null, "field-list", "k4", "household")
                .row("integer", "hh_size", "How many people live in your household?", "كم شخصًا يعيش في أسرتك؟",
                        "Count yourself too", "احسب نفسك أيضًا", "true", null, ". >= 1 and . <= 30",
                        "Between 1 and 30", "بين 1 و30", null, "k5", "hh_size")
                .row("select_one yn", "children", "Do children live with you?", "هل يعيش معك أطفال؟", null, null, "true",
                        "${hh_size} > 1", null, null, null, "minimal", "k6", "children")
                .row("integer", "n_children", "How many children?", "كم عدد الأطفال؟", null, null, "true",
                        "${children} = 'yes'", ". > 0", null, null, null, "k7", "n_children")
                .row("end_group", null, null, null, null, null, null, null, null, null, null, null, "k8", null)
                .row("select_multiple needs", "needs", "What do you need most?", "ما أكثر ما تحتاجه؟", "Choose up to three",
                        "اختر حتى ثلاثة", "true", null, "count-selected(.) <= 3", "Three at most", "ثلاثة على الأكثر", null, "k9", "needs")
                .row("text", "needs_other", "Which other need?", "ما الحاجة الأخرى؟", null, null, "false",
                        "selected(${needs}, 'other')", "string-length(.) <= 200", null, null, "multiline", "k10", "needs_other")
                .row("select_one yn", "work", "Do you have paid work?", "هل لديك عمل مدفوع الأجر؟", null, null, "yes",
                        null, null, null, null, null, "k11", "work")
                .row("select_one sector", "sector", "In which sector?", "في أي قطاع؟", null, null, "yes",
                        "${work} = 'yes' and not(${hh_size} = 1)", null, null, null, null, "k12", "sector")
                .row("decimal", "hours", "How many hours a week?", "كم ساعة في الأسبوع؟", null, null, "no",
                        "${work} = 'yes' or count-selected(${needs}) >= 2", ". >= 0 and . <= 80", null, null, null, "k13", "hours")
                .row("note", "thanks", "Thank you!", "شكرًا لك!", null, null, null, null, null, null, null, null, "k14", "thanks")
                .sheet("choices", "list_name", "name", "label::English (en)", "label::Arabic (ar)", "$kuid")
                .row("yn", "yes", "Yes", "نعم", "c1")
                .row("yn", "no", "No", "لا", "c2")
                .row("needs", "food", "Food", "طعام", "c3")
                .row("needs", "housing", "Housing", "سكن", "c4")
                .row("needs", "work", "Work", "عمل", "c5")
                .row("needs", "language", "Language lessons", "دروس لغة", "c6")
                .row("needs", "other", "Something else", "شيء آخر", "c7")
                .row("sector", 1, "Care", "الرعاية", "c8")
                .row("sector", 2, "Construction", "البناء", "c9")
                .row("sector", 3, "Hospitality", "الضيافة", "c10")
                .sheet("settings", "form_title", "form_title::Arabic (ar)", "form_id", "version", "default_language")
                .row("Household and work", "الأسرة والعمل", "household_work", "2025031001", "English (en)");
    }

    @Test
    void koboStyleForm_importsWithItsLogicTranslationsAndBounds() {
        XlsForms.Import i = koboForm().read();
        assertTrue(i.valid(), list(i));
        Survey s = i.result().survey();
        assertEquals("household_work", s.id());
        assertEquals("Household and work", s.title());
        assertEquals(List.of("en", "ar"), s.languages());
        assertEquals(List.of("hh_size", "children", "n_children", "needs", "needs_other", "work", "sector", "hours", "thanks"),
                s.questions().stream().map(Question::id).toList());

        NumberQuestion size = assertInstanceOf(NumberQuestion.class, q(s, "hh_size"));
        assertEquals(new BigDecimal("1"), size.min());
        assertEquals(new BigDecimal("30"), size.max());
        assertFalse(size.decimal());
        assertFalse(size.head().optional());
        SingleChoiceQuestion children = assertInstanceOf(SingleChoiceQuestion.class, q(s, "children"));
        assertEquals("hh_size > 1", children.head().when().source());
        NumberQuestion nChildren = assertInstanceOf(NumberQuestion.class, q(s, "n_children"));
        assertEquals("children == 'yes'", nChildren.head().when().source());
        assertEquals(new BigDecimal("1"), nChildren.min(), ". > 0 on whole numbers is . >= 1");
        MultipleChoiceQuestion needs = assertInstanceOf(MultipleChoiceQuestion.class, q(s, "needs"));
        assertEquals(3, needs.max());
        assertEquals(1, needs.min());
        TextQuestion other = assertInstanceOf(TextQuestion.class, q(s, "needs_other"));
        assertEquals("'other' in needs", other.head().when().source());
        assertEquals(200, other.maxLength());
        assertTrue(other.head().optional(), "required false: may be skipped");
        SingleChoiceQuestion sector = assertInstanceOf(SingleChoiceQuestion.class, q(s, "sector"));
        assertEquals(List.of("1", "2", "3"), sector.choices().stream().map(c -> c.id()).toList(), "numeric codes as typed numbers");
        assertEquals("work == 'yes' and not hh_size == 1", sector.head().when().source());
        NumberQuestion hours = assertInstanceOf(NumberQuestion.class, q(s, "hours"));
        assertTrue(hours.decimal());
        assertTrue(hours.head().optional());
        assertEquals("work == 'yes' or count(needs) >= 2", hours.head().when().source());
        assertInstanceOf(InfoQuestion.class, q(s, "thanks"));

        var texts = i.result().texts();
        assertEquals("كم شخصًا يعيش في أسرتك؟", texts.pattern("ar", "hh_size.text"));
        assertEquals("احسب نفسك أيضًا", texts.pattern("ar", "hh_size.hint"));
        assertEquals("بين 1 و30", texts.pattern("ar", "hh_size.constraint_message"));
        assertEquals("ثلاثة على الأكثر", texts.pattern("ar", "needs.constraint_message"));
        assertEquals("البناء", texts.pattern("ar", "sector.choice.2"));
        assertEquals("الأسرة والعمل", texts.pattern("ar", "survey.title"));

        // what was not taken over is said, not dropped
        assertProblem(i, "survey!A2", Severity.INFO, "'start' is not a question: Stem records when each session starts and ends itself");
        assertProblem(i, "survey!A4", Severity.INFO, "'today' is not a question");
        assertProblem(i, "survey!C5", Severity.WARNING, "groups are flattened");
        assertProblem(i, "survey!M1", Severity.INFO, "KoBoToolbox bookkeeping; Stem ignores it (14 values)");
        assertProblem(i, "survey!L7", Severity.INFO, "appearance 'minimal' has no meaning in a chat; ignored");
        assertProblem(i, "survey!I8", Severity.INFO, ". > 0 on whole numbers is taken as . >= 1");
        assertProblem(i, "choices!E1", Severity.WARNING, "'$kuid' is not a choices column Stem uses");
        assertEquals(List.of(), errors(i));
    }

    /** The same household form with what a KoBoToolbox form often has besides: each gets its own problem. */
    @Test
    void koboStyleForm_withUnsupportedFeatures_reportsEachWithSheetRowAndColumn() {
        XlsForms.Import i = Forms.form()
                .sheet("survey", "type", "name", "label::English (en)", "label::Arabic (ar)", "required", "relevant",
                        "calculation", "choice_filter", "default")
                .row("deviceid", "deviceid", null, null, null, null, null, null, null)
                .row("integer", "age", "How old are you?", "كم عمرك؟", "yes", null, null, null, null)
                .row("date", "arrival", "When did you arrive?", "متى وصلت؟", "yes", null, null, null, null)
                .row("geopoint", "location", "Where do you live?", "أين تسكن؟", null, null, null, null, null)
                .row("calculate", "age_months", null, null, null, null, "${age} * 12", null, null)
                .row("select_one country", "country", "Country", "البلد", "yes", null, null, null, null)
                .row("select_one city", "city", "City", "المدينة", "yes", null, null, "country=${country}", null)
                .row("begin_repeat", "members", "Household member", "فرد من الأسرة", null, null, null, null, null)
                .row("text", "member_name", "First name", "الاسم الأول", null, null, null, null, null)
                .row("end_repeat", null, null, null, null, null, null, null, null)
                .row("integer", "years", "Years in the Netherlands?", "سنوات في هولندا؟", "yes", "${agee} > 18", null, null, "0")
                .row("text", "school", "Which school?", "أي مدرسة؟", "yes", "${age_months} < 240", null, null, null)
                .row("text", "later", "Later?", "لاحقًا؟", "yes", "${last} = 'x'", null, null, null)
                .row("select_one yn or_other", "helped", "Helped?", "ساعدوك؟", null, null, null, null, null)
                .row("select_one nolist", "nope", "No list", "لا قائمة", null, null, null, null, null)
                .row("text", "last", "Last", "الأخير", null, "${age} + 1 > 2", null, null, null)
                .row("text", "age", "Age again", "العمر مرة أخرى", null, null, null, null, null)
                .sheet("choices", "list_name", "name", "label::English (en)", "label::Arabic (ar)", "country")
                .row("country", "nl", "Netherlands", "هولندا", null)
                .row("country", "be", "Belgium", "بلجيكا", null)
                .row("city", "ams", "Amsterdam", "أمستردام", "nl")
                .row("city", "brx", "Brussels", "بروكسل", "be")
                .row("yn", "yes", "Yes", "نعم", null)
                .row("yn", "no", "No", "لا", null)
                .sheet("settings", "form_title", "form_id", "default_language")
                .row("Arrival", "arrival", "English (en)")
                .read();
        assertFalse(i.valid());
        assertProblem(i, "survey!A2", Severity.INFO, "'deviceid' is not a question: Stem collects no device or account data");
        assertProblem(i, "survey!A4", Severity.WARNING, "Stem has no date questions: it asks this as text");
        assertProblem(i, "survey!A5", Severity.ERROR, "geopoint is not supported");
        assertProblem(i, "survey!A6", Severity.ERROR, "calculate is not supported");
        assertProblem(i, "survey!H8", Severity.ERROR, "choice_filter is not supported");
        assertProblem(i, "survey!A9", Severity.ERROR, "repeats are not supported");
        assertProblem(i, "survey!F12", Severity.ERROR, "'relevant' refers to unknown question 'agee' (did you mean age?)");
        assertProblem(i, "survey!I12", Severity.WARNING, "Stem does not fill in answers: the default '0' is not used");
        assertProblem(i, "survey!F13", Severity.ERROR, "refers to 'age_months' (survey!B6), which Stem could not take over");
        assertProblem(i, "survey!F14", Severity.ERROR, "refers to 'last', which is asked later (survey!B17)");
        assertProblem(i, "survey!A15", Severity.ERROR, "or_other is not supported");
        assertProblem(i, "survey!A16", Severity.ERROR, "the choice list 'nolist' does not exist in the choices sheet");
        assertProblem(i, "survey!F17", Severity.ERROR, "arithmetic ('+') is not supported");
        assertProblem(i, "survey!B18", Severity.ERROR, "the name 'age' is used twice (first at survey!B3)");
        assertProblem(i, "choices!E1", Severity.WARNING, "choice_filter, which such columns serve, is not supported");
        // all in one answer: every row that has a problem is named
        assertTrue(errors(i).size() >= 11, list(i));
    }

    @Test
    void odkStyleForm_withStemColumns_likertConsentAudioAndDefaultLanguage() {
        XlsForms.Import i = Forms.form()
                .sheet("survey", "type", "name", "label", "label::Tigrinya (ti)", "label::Farsi (fa)", "required", "relevant",
                        "appearance", "stem_type", "parameters", "consent", "ioi", "media::audio::Tigrinya (ti)")
                .row("acknowledge", "consent", "Doe je mee?", "ትሳተፍ ዲኻ?", "شرکت می‌کنی؟", "yes", null, null, null, null, "yes", null, "consent_ti.mp3")
                .row("select_one help", "help_uwv", "Hoe goed hielp het UWV?", "UWV ክንደይ ሓጊዙካ?", "UWV چقدر کمک کرد؟", "yes", null,
                        "likert", null, null, null, "work links.service_knowledge", "help_ti.mp3")
                .row("text", "story", "Vertel je verhaal", "ታሪኽካ ንገረና", "داستانت را بگو", "no", "${help_uwv} <= 2", null, "open",
                        "images=yes", null, "work", null)
                .row("audio", "voice", "Stuur een spraakbericht", "ድምጺ ስደድ", "یک پیام صوتی بفرست", "no", "${help_uwv} = '1' or ${help_uwv} = 'na'",
                        null, null, null, null, null, null)
                .sheet("choices", "list_name", "name", "label", "label::Tigrinya (ti)", "label::Farsi (fa)")
                .row("help", 1, "Heel slecht", "ብጣዕሚ ሕማቕ", "خیلی بد")
                .row("help", 2, "2", "2", "2")
                .row("help", 3, "Niet goed, niet slecht", "ማእከላይ", "متوسط")
                .row("help", 4, "4", "4", "4")
                .row("help", 5, "Heel goed", "ብጣዕሚ ጽቡቕ", "خیلی خوب")
                .row("help", "na", "Niet van toepassing", "ኣይምልከትን", "مربوط نیست")
                .sheet("settings", "form_title", "form_title::Tigrinya (ti)", "form_title::Farsi (fa)", "form_id", "default_language", "open_to_anyone")
                .row("UWV", "UWV", "UWV", "uwv_hulp", "Dutch (nl)", "yes")
                .read();
        // one thing Stem cannot say: "not applicable" in a condition
        assertProblem(i, "survey!G5", Severity.ERROR, "Stem cannot test a scale for 'not applicable' ('na')");
        assertEquals(1, errors(i).size(), list(i));

        XlsForms.Import ok = Forms.form()
                .sheet("survey", "type", "name", "label", "label::Tigrinya (ti)", "label::Farsi (fa)", "required", "relevant",
                        "appearance", "stem_type", "parameters", "consent", "ioi", "media::audio::Tigrinya (ti)")
                .row("acknowledge", "consent", "Doe je mee?", "ትሳተፍ ዲኻ?", "شرکت می‌کنی؟", "yes", null, null, null, null, "yes", null, "consent_ti.mp3")
                .row("select_one help", "help_uwv", "Hoe goed hielp het UWV?", "UWV ክንደይ ሓጊዙካ?", "UWV چقدر کمک کرد؟", "yes", null,
                        "likert", null, null, null, "work links.service_knowledge", "help_ti.mp3")
                .row("text", "story", "Vertel je verhaal", "ታሪኽካ ንገረና", "داستانت را بگو", "no", "${help_uwv} <= 2", null, "open",
                        "images=yes", null, "work", null)
                .row("audio", "voice", "Stuur een spraakbericht", "ድምጺ ስደድ", "یک پیام صوتی بفرست", "no", "${help_uwv} = '1' or not(${story} != '')",
                        null, null, null, null, null, null)
                .sheet("choices", "list_name", "name", "label", "label::Tigrinya (ti)", "label::Farsi (fa)")
                .row("help", 1, "Heel slecht", "ብጣዕሚ ሕማቕ", "خیلی بد")
                .row("help", 2, "2", "2", "2")
                .row("help", 3, "Niet goed, niet slecht", "ማእከላይ", "متوسط")
                .row("help", 4, "4", "4", "4")
                .row("help", 5, "Heel goed", "ብጣዕሚ ጽቡቕ", "خیلی خوب")
                .row("help", "na", "Niet van toepassing", "ኣይምልከትን", "مربوط نیست")
                .sheet("settings", "form_title", "form_title::Tigrinya (ti)", "form_title::Farsi (fa)", "form_id", "default_language", "open_to_anyone")
                .row("UWV", "UWV", "UWV", "uwv_hulp", "Dutch (nl)", "yes")
                .read();
        assertTrue(ok.valid(), list(ok));
        Survey s = ok.result().survey();
        assertEquals(List.of("nl", "ti", "fa"), s.languages());
        assertTrue(s.openToAnyone());
        assertInstanceOf(ConsentQuestion.class, q(s, "consent"));
        assertEquals(java.util.Map.of("ti", "consent_ti.mp3"), q(s, "consent").head().audio());
        ScaleQuestion help = assertInstanceOf(ScaleQuestion.class, q(s, "help_uwv"));
        assertEquals(1, help.min());
        assertEquals(5, help.max());
        assertTrue(help.notApplicable());
        assertEquals("Heel slecht", help.minLabel());
        assertEquals("ብጣዕሚ ጽቡቕ", ok.result().texts().pattern("ti", "help_uwv.max_label"));
        assertEquals(List.of("work", "links.service_knowledge"), help.head().ioi());
        OpenQuestion story = assertInstanceOf(OpenQuestion.class, q(s, "story"));
        assertTrue(story.images());
        assertTrue(story.head().optional());
        assertEquals("help_uwv <= 2", story.head().when().source());
        MediaQuestion voice = assertInstanceOf(MediaQuestion.class, q(s, "voice"));
        assertEquals("help_uwv == 1 or not answered(story)", voice.head().when().source());
        assertProblem(ok, "choices!B7", Severity.INFO, "'na' is Stem's own 'not applicable' button");
        assertProblem(ok, "survey!H3", Severity.WARNING, "Stem shows the points between 1 and 5 as numbers only: the labels of 3 are not shown");
        assertProblem(ok, "survey!M1", Severity.INFO, "recorded questions are sent as a voice note before the question");
        assertProblem(ok, "survey!M2", Severity.WARNING, "sent as text only");
    }

    @Test
    void names_areWrittenAsStemIds_andChoiceNamesFollow() {
        XlsForms.Import i = Forms.simple("English (en)")
                .row("select_one YN", "Q1-Work", "Work?", "yes", null)
                .row("text", "Q2.which", "Which?", "yes", "${Q1-Work} = 'Yes'")
                .sheet("choices", "list_name", "name", "label::English (en)")
                .row("YN", "Yes", "Yes")
                .row("YN", "No", "No")
                .sheet("settings", "form_id", "form_title")
                .row("My-Form", "Mine")
                .read();
        assertTrue(i.valid(), list(i));
        Survey s = i.result().survey();
        assertEquals("my_form", s.id());
        assertEquals(List.of("q1_work", "q2_which"), s.questions().stream().map(Question::id).toList());
        assertEquals("q1_work == 'yes'", q(s, "q2_which").head().when().source());
        assertProblem(i, "survey!B2", Severity.WARNING, "the name 'Q1-Work' is written 'q1_work' in Stem");
        assertProblem(i, "choices!B2", Severity.WARNING, "the choice name 'Yes' is written 'yes' in Stem");
        assertProblem(i, "settings!A2", Severity.WARNING, "form_id 'My-Form' is written 'my_form'");
    }

    @Test
    void validatorProblems_areNamedBySheetRowAndColumn() {
        XlsForms.Import i = Forms.form()
                .sheet("survey", "type", "name", "label::Dutch (nl)", "label::Arabic (ar)", "ioi", "constraint")
                .row("text", "naam", "Naam?", null, "werk.status", "string-length(.) <= 5000")
                .row("select_one k", "kleur", "Kleur?", "لون؟", null, null)
                .sheet("choices", "list_name", "name", "label::Dutch (nl)", "label::Arabic (ar)")
                .row("k", "rood", "Rood", "أحمر")
                .row("k", "skip", "Overslaan", "تخطي")
                .sheet("settings", "form_id", "form_title", "form_title::Arabic (ar)")
                .row("kleuren", "Kleuren", "ألوان")
                .read();
        assertFalse(i.valid());
        assertProblem(i, "survey!D2", Severity.ERROR, "missing translation in ar");
        assertProblem(i, "survey!E2", Severity.ERROR, "unknown IoI tag 'werk.status'");
        assertProblem(i, "survey!F2", Severity.ERROR, "max_length must be between 1 and 4096, found 5000");
        assertProblem(i, "choices!B3", Severity.ERROR, "choice id 'skip' is reserved for Stem's own skip button");
        for (XlsFormProblem p : i.problems()) {
            assertFalse(p.message().matches(".*\\bline \\d+.*"), "a line of a file the researcher never saw: " + p);
        }
    }

    @Test
    void brokenForms_eachGetAClearProblem() {
        assertProblem(Forms.form().sheet("Blad1", "type", "name", "label").row("text", "a", "A").read(), "workbook", Severity.ERROR,
                "no sheet named 'survey' (found: Blad1)");
        assertProblem(Forms.simple("English (en)").read(), "survey", Severity.ERROR, "the form has no questions");
        assertProblem(Forms.form().sheet("survey", "type", "name", "label").row("text", "a", "A").read(), "survey!C1", Severity.ERROR,
                "the 'label' column names no language: set default_language in settings");
        assertProblem(Forms.form().sheet("survey", "type", "name", "label::Martian").row("text", "a", "A").read(), "survey!C1",
                Severity.ERROR, "'Martian' names no language Stem knows: write it with its code, e.g. 'Arabic (ar)'");
        assertProblem(Forms.simple("English (en)").row("txt", "a", "A", null, null).read(), "survey!A2", Severity.ERROR,
                "unknown type 'txt' (did you mean text?)");
        assertProblem(Forms.simple("English (en)").row("text", null, "A", null, null).read(), "survey!B2", Severity.ERROR,
                "the text has no name");
        assertProblem(Forms.simple("English (en)").row("text", "a", null, null, null).read(), "survey!C2", Severity.ERROR,
                "the question has no label in English (en)");
        assertProblem(Forms.simple("English (en)").row("select_one yn", "a", "A?", null, null).read(), "survey!A2", Severity.ERROR,
                "the choice list 'yn' does not exist: the form has no choices sheet");
        assertProblem(Forms.simple("English (en)").row("text", "a", "A", null, null).row("text", "b", "Hello ${a}!", null, null).read(),
                "survey!C3", Severity.ERROR, "the text refers to an answer (${a}): Stem does not fill answers into texts");
        assertProblem(Forms.simple("English (en)").row("text", "a", new Forms.Formula("CONCAT(\"A\",\"?\")"), null, null).read(),
                "survey!C2", Severity.ERROR, "the cell is a formula");
        assertProblem(Forms.simple("English (en)").row("text", "a", LocalDate.of(2025, 5, 1), null, null).read(),
                "survey!C2", Severity.ERROR, "the spreadsheet turned this cell into a date");
        assertProblem(Forms.simple("English (en)").row("text", "a", "A", null, "${a} = 'x'").read(), "survey!E2", Severity.ERROR,
                "refers to its own question 'a'");
        assertProblem(Forms.simple("English (en)").row("text", "a", "A", null, null).row("text", "b", "B", null, "${a} = 'x' and (").read(),
                "survey!E3", Severity.ERROR, "'relevant' does not parse: expected a value, found the end at column");
        assertProblem(Forms.simple("English (en)").row("text", "a", "A", "sometimes", null).read(), "survey!D2", Severity.WARNING,
                "Stem cannot make a question required only sometimes ('sometimes'): it may be skipped");
        assertProblem(Forms.simple("English (en)").row("begin group", "g", null, null, null).row("text", "a", "A", null, null).read(),
                "survey!A2", Severity.ERROR, "begin group 'g' has no end group");
        assertProblem(Forms.simple("English (en)").row("acknowledge", "ok", "OK?", null, null).row("text", "a", "A", null, null).read(),
                "survey!A2", Severity.WARNING, "Stem has no acknowledge questions: it shows this as a message and moves on");
    }

    @Test
    void groupRelevant_appliesToEveryQuestionInTheGroup_nestedGroupsToo() {
        XlsForms.Import i = Forms.simple("English (en)")
                .row("select_one yn", "work", "Work?", "yes", null)
                .row("begin group", "job", "About your job", null, "${work} = 'yes'")
                .row("text", "title", "Job title?", "yes", null)
                .row("begin group", "hours_group", null, null, "${title} != ''")
                .row("integer", "hours", "Hours?", "yes", "${work} != 'no'")
                .row("end group", null, null, null, null)
                .row("end group", null, null, null, null)
                .row("note", "bye", "Bye", null, null)
                .sheet("choices", "list_name", "name", "label::English (en)")
                .row("yn", "yes", "Yes").row("yn", "no", "No")
                .sheet("settings", "form_id", "form_title").row("groups", "Groups")
                .read();
        assertTrue(i.valid(), list(i));
        Survey s = i.result().survey();
        assertEquals("work == 'yes'", q(s, "title").head().when().source());
        assertEquals("work == 'yes' and answered(title) and not work == 'no'", q(s, "hours").head().when().source());
        assertNull(q(s, "bye").head().when());
    }

    @Test
    void translationsInArabicTigrinyaAndFarsi_comeThroughInNfcWithDirectionMarks() {
        String farsi = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200F(\u06F1\u06F2)"; // ZWNJ and RLM kept
        String decomposedArabic = "\u0627\u0653\u0644"; // alef + madda above: NFC composes to U+0622
        XlsForms.Import i = Forms.form()
                .sheet("survey", "type", "name", "label::English (en)", "label::Arabic (ar)", "label::Tigrinya (ti)", "label::Farsi (fa)")
                .row("text", "a", "Hello", decomposedArabic + " \u200F\u061C!", "ሰላም ፡ ከመይ ኣለኻ?", farsi)
                .sheet("settings", "form_id", "form_title", "form_title::Arabic (ar)", "form_title::Tigrinya (ti)", "form_title::Farsi (fa)")
                .row("greet", "Greeting", "تحية", "ሰላምታ", "سلام")
                .read();
        assertTrue(i.valid(), list(i));
        var t = i.result().texts();
        assertEquals("\u0622\u0644 \u200F\u061C!", t.pattern("ar", "a.text"));
        assertEquals("ሰላም ፡ ከመይ ኣለኻ?", t.pattern("ti", "a.text"));
        assertEquals(farsi, t.pattern("fa", "a.text"));
    }
}
