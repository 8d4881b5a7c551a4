package nl.stem.engine;

import nl.stem.survey.model.Choice;
import nl.stem.survey.model.Condition;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.QuestionHead;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyTexts;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.model.TextQuestion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Surveys for engine tests, built in code until the YAML loader lands. Look them up by name from transcripts. */
final class TestSurveys {
    private TestSurveys() {
    }

    static SurveyVersion byName(String name) {
        return switch (name) {
            case "basic" -> basic();
            case "media" -> media();
            case "single" -> singleLanguage();
            default -> {
                if (name.startsWith("file:")) {
                    yield fromFiles(name.substring("file:".length()));
                }
                throw new IllegalArgumentException("no test survey named " + name);
            }
        };
    }

    /** A survey from the project's surveys/ and translations/, through the real loader and validator. */
    static SurveyVersion fromFiles(String id) {
        try {
            var source = nl.stem.survey.SurveyLoader.readDirectory(java.nio.file.Path.of("surveys"), java.nio.file.Path.of("translations"))
                    .stream().filter(s -> s.surveyFile().equals("surveys/" + id + ".yaml")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no surveys/" + id + ".yaml"));
            var result = new nl.stem.survey.SurveyLoader(nl.stem.survey.IoiTaxonomy.builtIn()).load(source);
            if (!result.valid()) {
                throw new IllegalStateException(id + " is invalid: " + result.problems());
            }
            return new SurveyVersion(result.survey(), result.texts(), 1, result.checksum());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * en (source), ar, fa: consent, info, single choice with skip logic (job_title only for "work",
     * search_months otherwise), multiple choice (1..2), scale with n/a, integer with a lower bound,
     * optional decimal with an upper bound, optional audio, open.
     */
    static SurveyVersion basic() {
        Builder b = new Builder("basic", "en", List.of("en", "ar", "fa"));
        b.question(new ConsentQuestion(head("consent")),
                "Do you want to take part? Your answers are anonymous.",
                "هل تريد المشاركة؟ إجاباتك مجهولة الهوية.",
                "آیا می‌خواهید شرکت کنید؟ پاسخ‌های شما ناشناس است.");
        b.question(new InfoQuestion(head("intro")),
                "There are a few questions about work and life in the Netherlands.",
                "هناك بعض الأسئلة عن العمل والحياة في هولندا.",
                "چند سؤال درباره کار و زندگی در هلند.");
        b.question(new SingleChoiceQuestion(head("status"), List.of(
                        new Choice("work", "I work"), new Choice("search", "I am looking for work"),
                        new Choice("study", "I study"))),
                "What do you do now?", "ماذا تفعل الآن؟", "الان چه کار می‌کنید؟");
        b.choice("status", "work", "أعمل", "کار می‌کنم");
        b.choice("status", "search", "أبحث عن عمل", "دنبال کار هستم");
        b.choice("status", "study", "أدرس", "درس می‌خوانم");
        b.question(new TextQuestion(new QuestionHead("job_title", false, TestConditions.choiceIs("status", "work"), List.of("work"), 0), 40),
                "What is your job?", "ما هي وظيفتك؟", "شغل شما چیست؟");
        b.question(new NumberQuestion(new QuestionHead("search_months", false, TestConditions.choiceIsNot("status", "work"), List.of("work"), 0),
                        false, BigDecimal.ZERO, BigDecimal.valueOf(120)),
                "How many months have you been looking?", "منذ كم شهرًا تبحث؟", "چند ماه است که دنبال کار هستید؟");
        b.question(new MultipleChoiceQuestion(head("topics"), List.of(
                        new Choice("work", "Work"), new Choice("housing", "Housing"),
                        new Choice("education", "Education"), new Choice("health", "Health")), 1, 2),
                "Which topics matter most to you?", "ما هي المواضيع الأهم بالنسبة لك؟", "کدام موضوع‌ها برای شما مهم‌تر است؟");
        b.choice("topics", "work", "العمل", "کار");
        b.choice("topics", "housing", "السكن", "مسکن");
        b.choice("topics", "education", "التعليم", "آموزش");
        b.choice("topics", "health", "الصحة", "سلامت");
        b.question(new ScaleQuestion(head("help_uwv"), 1, 5, "Very badly helped", "Very well helped", true),
                "How well did UWV help you?", "كيف ساعدك UWV؟", "UWV چقدر به شما کمک کرد؟");
        b.text("help_uwv.min_label", "Very badly helped", "ساعدني بشكل سيئ جدًا", "خیلی بد");
        b.text("help_uwv.max_label", "Very well helped", "ساعدني بشكل جيد جدًا", "خیلی خوب");
        b.question(new NumberQuestion(head("age"), false, BigDecimal.valueOf(16), null),
                "How old are you?", "كم عمرك؟", "چند سال دارید؟");
        b.question(new NumberQuestion(new QuestionHead("hours", true, null, List.of(), 0), true, null, BigDecimal.valueOf(60)),
                "How many hours a week do you work or study?", "كم ساعة في الأسبوع تعمل أو تدرس؟", "هفته‌ای چند ساعت کار یا درس می‌خوانید؟");
        b.question(new MediaQuestion(new QuestionHead("story", true, null, List.of(), 0), MediaKind.AUDIO),
                "Tell us in a voice message how your first week went.", "أخبرنا برسالة صوتية كيف كان أسبوعك الأول.",
                "در یک پیام صوتی بگویید هفته اول شما چطور بود.");
        b.question(new OpenQuestion(head("advice"), 0, false),
                "What advice would you give a newcomer?", "ما النصيحة التي تقدمها لقادم جديد؟", "به یک تازه‌وارد چه توصیه‌ای می‌کنید؟");
        return b.build();
    }

    /** English only: video, image, open with images, text with the default length, required audio. */
    static SurveyVersion media() {
        Builder b = new Builder("media", "en", List.of("en"));
        b.question(new MediaQuestion(head("clip"), MediaKind.VIDEO), "Send a short video of your street.");
        b.question(new MediaQuestion(head("photo"), MediaKind.IMAGE), "Send a photo of your favourite place.");
        b.question(new MediaQuestion(head("voice"), MediaKind.AUDIO), "Say hello in a voice message.");
        b.question(new OpenQuestion(head("anything"), 0, true), "Anything else? Text, voice, video or photo.");
        b.question(new TextQuestion(head("note"), 0), "A last note?");
        return b.build();
    }

    /** One language (ar), two questions: no language menu. */
    static SurveyVersion singleLanguage() {
        Builder b = new Builder("single", "ar", List.of("ar"));
        b.question(new SingleChoiceQuestion(head("city"), List.of(new Choice("ams", "أمستردام"), new Choice("rtm", "روتردام"))),
                "أين تسكن؟");
        b.question(new InfoQuestion(head("bye")), "شكرًا!");
        return b.build();
    }

    static QuestionHead head(String id) {
        return new QuestionHead(id, false, null, List.of(), 0);
    }

    static QuestionHead head(String id, Condition when) {
        return new QuestionHead(id, false, when, List.of(), 0);
    }

    /** Collects questions and their texts per language (in the order of {@code languages}). */
    static final class Builder {
        private final String id;
        private final String source;
        private final List<String> languages;
        private final List<Question> questions = new ArrayList<>();
        private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();

        Builder(String id, String source, List<String> languages) {
            this.id = id;
            this.source = source;
            this.languages = languages;
            for (String l : languages) {
                texts.put(l, new LinkedHashMap<>());
            }
        }

        Builder question(Question q, String... textPerLanguage) {
            questions.add(q);
            text(q.id() + ".text", textPerLanguage);
            if (q instanceof SingleChoiceQuestion s) {
                s.choices().forEach(c -> texts.get(source).put(q.id() + ".choice." + c.id(), c.label()));
            } else if (q instanceof MultipleChoiceQuestion m) {
                m.choices().forEach(c -> texts.get(source).put(q.id() + ".choice." + c.id(), c.label()));
            }
            return this;
        }

        /** Translations of a choice label for the non-source languages, in order. */
        Builder choice(String questionId, String choiceId, String... translations) {
            List<String> others = languages.stream().filter(l -> !l.equals(source)).toList();
            for (int i = 0; i < translations.length; i++) {
                texts.get(others.get(i)).put(questionId + ".choice." + choiceId, translations[i]);
            }
            return this;
        }

        Builder text(String key, String... perLanguage) {
            for (int i = 0; i < perLanguage.length; i++) {
                texts.get(languages.get(i)).put(key, perLanguage[i]);
            }
            return this;
        }

        SurveyVersion build() {
            Survey s = new Survey(id, id, source, languages, true, questions);
            return new SurveyVersion(s, new SurveyTexts(source, texts), 1, "test-" + id);
        }
    }
}
