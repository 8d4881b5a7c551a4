package nl.stem.survey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.stem.language.CommandWords;
import nl.stem.text.ExternalText;

import nl.stem.survey.model.PromptAudio;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyTexts;

/**
 * Loads and validates surveys: the survey file ({@code surveys/<id>.yaml}) and its translations
 * ({@code translations/<id>/<lang>.po}). Bad content never throws; it becomes problems, each with
 * file, line and key.
 */
public final class SurveyLoader {
    /** Stem's own UI texts live beside the surveys' translations but are not a survey. */
    private static final String STEM_TEXTS = "_stem";

    private final IoiTaxonomy taxonomy;
    private final CommandWords commandWords;
    private final int maxPromptSeconds;

    /** Longest prompt read aloud unless configured ({@code stem.audio.max-seconds}). */
    public static final int DEFAULT_MAX_PROMPT_SECONDS = 120;

    /** A loader that does not check which command words texts name (it knows none). */
    public SurveyLoader(IoiTaxonomy taxonomy) {
        this(taxonomy, CommandWords.none(), DEFAULT_MAX_PROMPT_SECONDS);
    }

    /**
     * @param commandWords     Stem's command words per language: texts that name another language's are warned about
     * @param maxPromptSeconds how long a recorded prompt may play
     */
    public SurveyLoader(IoiTaxonomy taxonomy, CommandWords commandWords, int maxPromptSeconds) {
        this.taxonomy = taxonomy;
        this.commandWords = commandWords;
        this.maxPromptSeconds = maxPromptSeconds;
    }

    /** The IoI taxonomy surveys are checked against (the dashboard names domains with it). */
    public IoiTaxonomy taxonomy() {
        return taxonomy;
    }

    public LoadResult load(SurveySource source) {
        Problems problems = new Problems();
        String checksum = Checksums.of(source);
        String file = source.surveyFile();
        try {
            checkEncoding(file, source.yaml(), problems);
            source.translations().values().forEach(t -> checkEncoding(t.file(), t.content(), problems));
            ParsedSurvey parsed = new SurveyParser(file, problems, taxonomy).parse(source.yaml());
            if (parsed == null) {
                return new LoadResult(null, null, new SurveyTexts(null, Map.of()), checksum, problems.list());
            }
            TranslationChecks translations = new TranslationChecks(source, parsed, problems, commandWords);
            Map<String, Map<String, String>> texts = translations.run();
            new ProviderLimits(source, parsed, texts, translations.lines(), problems).check();
            Map<String, PromptAudio> prompts = new PromptChecks(source, parsed, problems, maxPromptSeconds).run();
            Survey survey = problems.hasErrors() ? null : new Survey(parsed.id(), parsed.title(),
                    parsed.sourceLanguage(), parsed.languages(), parsed.openToAnyone(), parsed.questions());
            return new LoadResult(parsed.id(), survey, new SurveyTexts(parsed.sourceLanguage(), texts), checksum,
                    inFileOrder(file, problems.list()), prompts);
        } catch (RuntimeException e) {
            // a bug of ours must not take the upload endpoint down; report it like any problem
            problems.error(file, 0, "survey", "internal error while loading: " + e);
            return new LoadResult(null, null, new SurveyTexts(null, Map.of()), checksum, problems.list());
        } catch (StackOverflowError e) {
            // The bounds (YamlBounds, ConditionParser, IcuPatterns) should make this impossible; if a
            // structure still slips past them, the file is refused rather than the request failing.
            problems.error(file, 0, "survey", "the file nests too deeply to be checked");
            return new LoadResult(null, null, new SurveyTexts(null, Map.of()), checksum, problems.list());
        }
    }

    /** Survey file first, then the PO files by name; by line within a file (stable, so ties keep check order). */
    private static List<SurveyProblem> inFileOrder(String surveyFile, List<SurveyProblem> problems) {
        List<SurveyProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((SurveyProblem p) -> !p.file().equals(surveyFile))
                .thenComparing(SurveyProblem::file)
                .thenComparingInt(SurveyProblem::line));
        return sorted;
    }

    /**
     * One source per {@code surveysDir/*.yaml}, sorted by file name, with the PO files in
     * {@code translationsDir/<id>/}. File names are relative, prefixed with each directory's name.
     */
    public static List<SurveySource> readDirectory(Path surveysDir, Path translationsDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(surveysDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        String surveysPrefix = surveysDir.getFileName().toString();
        String translationsPrefix = translationsDir == null ? "translations" : translationsDir.getFileName().toString();
        List<SurveySource> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - ".yaml".length());
            Map<String, SurveySource.TranslationFile> translations = new LinkedHashMap<>();
            Path dir = translationsDir == null ? null : translationsDir.resolve(id);
            if (!id.equals(STEM_TEXTS) && dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path po : s.filter(p -> p.getFileName().toString().endsWith(".po") && Files.isRegularFile(p))
                            .sorted().toList()) {
                        String poName = po.getFileName().toString();
                        String lang = poName.substring(0, poName.length() - ".po".length());
                        translations.put(lang, new SurveySource.TranslationFile(
                                translationsPrefix + "/" + id + "/" + poName, read(po)));
                    }
                }
            }
            out.add(new SurveySource(surveysPrefix + "/" + name, read(f), translations, readMedia(surveysDir.resolve(id + MEDIA_FOLDER))));
        }
        return out;
    }

    /** The folder beside a survey file that holds its recordings: {@code <id>-media}, as ODK keeps a form's media. */
    public static final String MEDIA_FOLDER = "-media";

    /** The audio files in a survey's media folder, by file name: hashed and probed, not kept in memory. */
    public static Map<String, PromptFile> readMedia(Path dir) throws IOException {
        Map<String, PromptFile> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                // Far larger than any voice note: reported from the size alone, never read whole.
                long size = Files.size(f);
                if (size > 8 * PromptChecks.MAX_BYTES) {
                    out.put(f.getFileName().toString(), new PromptFile("", size, 0, null, false));
                    continue;
                }
                out.put(f.getFileName().toString(), probe(Files.readAllBytes(f), false));
            }
        }
        return out;
    }

    /** Hashes and probes one audio file. */
    public static PromptFile probe(byte[] bytes, boolean synthetic) {
        OggOpus.Probe p = OggOpus.probe(bytes);
        return new PromptFile(Checksums.sha256(bytes), bytes.length, p.durationMs(), p.problem(), synthetic);
    }

    /** Decodes leniently (bad bytes become U+FFFD) so one bad file cannot stop the others loading. */
    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    private static void checkEncoding(String file, String content, Problems problems) {
        if (content == null) {
            return;
        }
        int at = content.indexOf('\uFFFD');
        if (at >= 0) {
            int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            problems.warning(file, line, "encoding", "contains U+FFFD: the file may not be UTF-8");
        }
        int unfit = ExternalText.firstUnfit(content);
        if (unfit >= 0) {
            // Refused, not cleaned: the researcher fixes the file (PostgreSQL cannot store U+0000 at all).
            int line = (int) content.substring(0, unfit).chars().filter(c -> c == '\n').count() + 1;
            problems.error(file, line, "encoding", String.format(java.util.Locale.ROOT,
                    "contains U+%04X, a control character or broken surrogate Stem cannot store", (int) content.charAt(unfit)));
        }
    }
}
