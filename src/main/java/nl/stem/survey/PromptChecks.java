package nl.stem.survey;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.stem.survey.model.PromptAudio;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * Checks the recordings a survey's questions are read aloud with ({@code media_audio}) and
 * collects the prompts to send: each recording must be among the files read from the survey's
 * media folder ({@code <surveys>/<id>-media/}; sources without any, such as an upload over the API,
 * get a warning and send the question as text), be OGG/Opus, be at most {@link #MAX_BYTES} (WhatsApp
 * shows larger voice notes with a download icon instead of a play button) and play at most the
 * configured duration. A generated prompt ({@link PromptFile#syntheticKey}) fills a question and
 * language without a recording; a recording always wins.
 */
final class PromptChecks {
    /** 512 KB: the largest voice note WhatsApp shows as playable. */
    static final long MAX_BYTES = 512L * 1024;

    private final SurveySource source;
    private final ParsedSurvey survey;
    private final Problems problems;
    private final int maxSeconds;

    PromptChecks(SurveySource source, ParsedSurvey survey, Problems problems, int maxSeconds) {
        this.source = source;
        this.survey = survey;
        this.problems = problems;
        this.maxSeconds = maxSeconds;
    }

    /** The prompts by {@code <question>/<language>}. */
    Map<String, PromptAudio> run() {
        Map<String, PromptAudio> out = new LinkedHashMap<>();
        String folder = mediaFolder();
        for (Question q : survey.questions()) {
            q.head().audio().forEach((lang, name) -> {
                String key = "questions." + q.id() + ".media_audio." + lang;
                int line = survey.keyLines().getOrDefault(key, q.head().line());
                PromptFile f = source.audio().get(name);
                if (f == null && source.audio().isEmpty()) {
                    // Uploaded without files (the API takes a survey file or an XLSForm alone): said, not refused.
                    problems.warning(source.surveyFile(), line, key, "no media folder with " + folder + name
                            + ": the question is sent as text only; publish the survey with its recordings in " + folder);
                } else if (f == null) {
                    problems.error(source.surveyFile(), line, key, "no audio file " + folder + name
                            + ": put the recording in the survey's media folder");
                } else if (f.problem() != null) {
                    problems.error(source.surveyFile(), line, key, folder + name + " is " + f.problem());
                } else if (f.bytes() > MAX_BYTES) {
                    problems.error(source.surveyFile(), line, key, folder + name + " has " + f.bytes()
                            + " bytes; a voice note may have at most " + MAX_BYTES + " (512 KB), or WhatsApp shows it as a download");
                } else if (f.durationMs() > maxSeconds * 1000L) {
                    problems.error(source.surveyFile(), line, key, folder + name + " plays "
                            + (f.durationMs() / 1000) + " s; a prompt may play at most " + maxSeconds + " s (stem.audio.max-seconds)");
                } else {
                    out.put(SurveyVersion.key(q.id(), lang), new PromptAudio(f.sha256(), f.bytes(), f.durationMs(), false));
                }
            });
            for (String lang : survey.languages()) {
                PromptFile g = source.audio().get(PromptFile.syntheticKey(q.id(), lang));
                if (g != null && g.problem() == null && !q.head().audio().containsKey(lang)) {
                    out.putIfAbsent(SurveyVersion.key(q.id(), lang), new PromptAudio(g.sha256(), g.bytes(), g.durationMs(), true));
                }
            }
        }
        return out;
    }

    /** Where the survey's recordings are read from, for messages: {@code surveys/<id>-media/}. */
    private String mediaFolder() {
        String file = source.surveyFile();
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        return dir + survey.id() + "-media/";
    }
}
