package nl.stem.privacy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.audit.AuditEntry;
import nl.stem.conversation.AccessAnswers;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.language.Graphemes;
import nl.stem.language.Languages;
import nl.stem.language.Texts;
import nl.stem.panel.PanelConfig;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.model.SurveyVersion;

/**
 * What a respondent reads when they ask "my data" in the chat: in their language, the surveys they
 * took with their answers, the media kept (how many, from when to when), their consent decisions,
 * how we reach them, and how to have it all deleted. Built from their {@link PersonalRecord}, so it
 * says what the coordinator's download says. Every request is audited ({@code respondent.access}).
 * Example (English): "This is what we hold about you: ... To have all of this deleted, send “delete”."
 */
@ApplicationScoped
public class AccessSummary implements AccessAnswers {
    /** Question texts are cut to this many characters: the summary lists answers, not the survey. */
    static final int QUESTION_CHARS = 80;
    static final String ACTION = "respondent.access";

    @Inject
    PersonalRecords records;
    @Inject
    UiTexts ui;
    @Inject
    SurveyCatalog catalog;
    @Inject
    PanelConfig panel;

    /**
     * The summary for a respondent, read in the caller's transaction and audited in it; empty when
     * there is no such respondent.
     */
    @Override
    public Optional<Outbound> forRespondent(UUID respondentId, String language, Instant now) {
        Optional<PersonalRecord> record = records.readInTransaction(respondentId, now);
        record.ifPresent(r -> AuditEntry.record(now, "respondent", ACTION, r.person().pseudonym(), "{\"via\":\"chat\"}"));
        return record.map(r -> render(r, uiLanguage(language)));
    }

    /** The polite word for a chat Stem knows nothing about. */
    @Override
    public Outbound unknownChat(String language) {
        String lang = uiLanguage(language);
        return message(lang, Texts.format(lang, ui.pattern(lang, "access.unknown"), Map.of()));
    }

    Outbound render(PersonalRecord r, String lang) {
        ZoneId zone = zone(r.person().timeZone());
        List<String> lines = new ArrayList<>();
        lines.add(text(lang, "access.title", Map.of()));
        Set<String> channels = new LinkedHashSet<>();
        r.channelIdentities().forEach(i -> channels.add(i.channel()));
        for (String channel : channels) {
            if (!channel.equals("preview")) {
                lines.add(text(lang, "access.channel", Map.of("channel", channelName(channel))));
            }
        }
        lines.add("");
        lines.add(text(lang, "access.surveys", Map.of("count", r.sessions().size())));
        for (PersonalRecord.Session s : r.sessions()) {
            Optional<SurveyVersion> version = catalog.byVersionId(s.surveyVersionId()).map(PublishedSurvey::version);
            lines.add("• " + text(lang, "access.survey", Map.of("title", title(version, s.survey(), lang),
                    "date", date(lang, s.startedAt(), zone), "status", s.status())));
            List<PersonalRecord.Answer> answers = r.answers().stream().filter(a -> s.id().equals(a.sessionId())).toList();
            if (!"refused".equals(s.status())) {
                lines.add("   " + text(lang, "access.answers", Map.of("count", answers.size())));
            }
            for (PersonalRecord.Answer a : answers) {
                lines.add("   – " + question(version, a.questionId(), lang) + ": " + answer(a, lang));
            }
        }
        lines.add("");
        List<PersonalRecord.Media> kept = r.media().stream().filter(m -> m.expiredAt() == null)
                .sorted(Comparator.comparing(PersonalRecord.Media::createdAt)).toList();
        lines.add(text(lang, "access.media", Map.of("count", kept.size(),
                "first", kept.isEmpty() ? "" : date(lang, kept.get(0).createdAt(), zone),
                "last", kept.isEmpty() ? "" : date(lang, kept.get(kept.size() - 1).createdAt(), zone))));
        if (r.consents().isEmpty()) {
            lines.add(text(lang, "access.consent_none", Map.of()));
        }
        for (PersonalRecord.Consent c : r.consents()) {
            Optional<SurveyVersion> version = catalog.latest(c.survey()).map(PublishedSurvey::version);
            lines.add(text(lang, "refused".equals(c.decision()) ? "access.consent_refused" : "access.consent_given",
                    Map.of("date", date(lang, c.at(), zone), "title", title(version, c.survey(), lang))));
        }
        lines.add("");
        lines.add(text(lang, "access.delete", Map.of("word", deleteWord(lang))));
        return message(lang, String.join("\n", lines));
    }

    private Outbound message(String lang, String text) {
        return new Outbound(Outbound.Kind.NOTICE, text, List.of(), Languages.isRightToLeft(lang), null);
    }

    private String text(String lang, String key, Map<String, ?> args) {
        return Texts.format(lang, ui.pattern(lang, key), args);
    }

    /** The language of Stem's texts to answer in: theirs when Stem has texts in it, else English. */
    private String uiLanguage(String language) {
        return language != null && ui.byLanguage().containsKey(language) ? language : UiTexts.FALLBACK_LANGUAGE;
    }

    private static String title(Optional<SurveyVersion> version, String surveyId, String lang) {
        return version.map(v -> {
            String p = v.texts().pattern(lang, "survey.title");
            return p == null ? v.survey().title() : Texts.format(lang, p, Map.of());
        }).orElse(surveyId);
    }

    private static String question(Optional<SurveyVersion> version, String questionId, String lang) {
        String text = version.map(v -> v.texts().pattern(lang, questionId + ".text")).map(p -> Texts.format(lang, p, Map.of()))
                .orElse(questionId).replaceAll("\\s+", " ").strip();
        return Graphemes.count(text) > QUESTION_CHARS ? Graphemes.truncate(text, QUESTION_CHARS - 1) + "…" : text;
    }

    private String answer(PersonalRecord.Answer a, String lang) {
        if (a.mediaId() != null || (a.rawText() != null && a.rawText().startsWith("media:"))) {
            return text(lang, "access.media_answer", Map.of());
        }
        return a.rawText() == null ? "" : a.rawText().replaceAll("\\s+", " ").strip();
    }

    /** The first word under {@code words.delete} in the language that is its own (not the English one). */
    private String deleteWord(String lang) {
        Set<String> english = Set.of(ui.pattern(UiTexts.FALLBACK_LANGUAGE, "words.delete").split("\\|"));
        String[] words = ui.pattern(lang, "words.delete").split("\\|");
        for (String w : words) {
            if (!w.startsWith("/") && (lang.equals(UiTexts.FALLBACK_LANGUAGE) || !english.contains(w))) {
                return w;
            }
        }
        return "delete";
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "telegram" -> "Telegram";
            case "whatsapp" -> "WhatsApp";
            default -> channel;
        };
    }

    private ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? panel.defaultTimeZone() : ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return panel.defaultTimeZone();
        }
    }

    /** A date in the language's own way ("۱۴ مهٔ ۲۰۲۵", "14 mei 2025"), in the respondent's time zone. */
    static String date(String lang, Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        DateFormat f = DateFormat.getDateInstance(DateFormat.LONG, Languages.ulocale(lang));
        f.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return f.format(java.util.Date.from(at));
    }
}
