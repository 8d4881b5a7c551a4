package nl.stem.survey.xlsform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveySource;
import nl.stem.survey.SurveyProblem.Severity;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyTexts;
import nl.stem.survey.model.SurveyVersion;

/**
 * XLSForm in and out. An import reads the .xlsx, turns it into the survey file and PO
 * translations a researcher would write by hand, and runs Stem's own validator on them: the result
 * is a {@link SurveySource} like any other, published through the same publisher into the same
 * immutable versions. Every problem, the importer's and the validator's, is named by sheet, row and
 * column.
 *
 * <p><b>Round trip.</b> When the form says exactly what an earlier version says (the usual case
 * for an exported form imported back unedited), the import gives that version's own files, so the
 * checksum is the same and publishing creates no new version. The comparison is made by exporting
 * that version and importing it back the same way, so it holds for hand-written surveys too.
 */
public final class XlsForms {

    /** A published version to compare with and carry translation reviews over from. */
    public record Base(SurveySource source, int version) {
    }

    /** Published versions of the survey a form is for. */
    public interface Versions {
        /**
         * The version to compare with: the one the form's settings name ({@code version}, as the
         * export writes it), else the newest; null when the survey was never published.
         */
        Base base(String surveyId, String formVersion);

        Versions NONE = (id, v) -> null;
    }

    /**
     * What an import gave.
     *
     * @param source   the survey's files (null when the form could not be read far enough)
     * @param result   the validator's result on them (null with {@code source})
     * @param problems every problem, by sheet, row and column, in sheet order
     * @param sameAs   the version whose files these are, when the form says exactly what it says; else 0
     */
    public record Import(SurveySource source, LoadResult result, List<XlsFormProblem> problems, int sameAs) {
        public Import {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return source != null && result != null && result.valid() && problems.stream().noneMatch(XlsFormProblem::isError);
        }

        public String surveyId() {
            return result == null ? null : result.surveyId();
        }
    }

    private XlsForms() {
    }

    /** @param fileName the upload's file name ({@code werk.xlsx}: the id when settings has no form_id), or null */
    public static Import read(byte[] xlsx, String fileName, SurveyLoader loader, Versions versions) {
        XlsxReader.Result read = XlsxReader.read(xlsx);
        if (read.workbook() == null) {
            return new Import(null, null, read.problems(), 0);
        }
        Import i = read(read.workbook(), fileName, loader, versions);
        List<XlsFormProblem> all = new ArrayList<>(read.problems());
        all.addAll(i.problems());
        return new Import(i.source(), i.result(), ordered(all, read.workbook()), i.sameAs());
    }

    public static Import read(Workbook workbook, String fileName, SurveyLoader loader, Versions versions) {
        XlsFormImporter.Result imported = XlsFormImporter.read(workbook, idFromFileName(fileName));
        List<XlsFormProblem> problems = new ArrayList<>(imported.problems());
        SurveyDraft draft = imported.draft();
        if (draft.sourceLanguage == null || draft.id == null) {
            return new Import(null, null, ordered(problems, workbook), 0);
        }
        Base base = versions.base(draft.id, imported.version());
        SurveyFilesWriter.Reviews reviews = SurveyFilesWriter.Reviews.of(base == null ? null : base.source());
        SurveyFilesWriter.Written written = SurveyFilesWriter.write(draft, reviews);
        LoadResult result = loader.load(written.source());
        result.problems().forEach(p -> problems.add(written.origins().locate(p)));
        boolean errors = problems.stream().anyMatch(XlsFormProblem::isError);
        if (base != null && !errors && sameAs(written.source(), base.source(), loader, reviews)) {
            LoadResult kept = loader.load(base.source());
            if (kept.valid()) {
                problems.add(Loc.WORKBOOK.problem(Severity.INFO, "the form says exactly what version " + base.version()
                        + " says: its files are kept, with the same checksum"));
                return new Import(base.source(), kept, ordered(problems, workbook), base.version());
            }
        }
        return new Import(written.source(), result, ordered(problems, workbook), 0);
    }

    /**
     * Whether the files written from a form are those the base version's own export would give when
     * imported: then the form changed nothing.
     */
    private static boolean sameAs(SurveySource written, SurveySource base, SurveyLoader loader, SurveyFilesWriter.Reviews reviews) {
        LoadResult b = loader.load(base);
        if (!b.valid()) {
            return false;
        }
        try {
            Workbook exported = XlsFormExporter.export(b.survey(), b.texts(), 0, Map.of());
            XlsFormImporter.Result again = XlsFormImporter.read(exported, b.surveyId());
            if (again.draft().sourceLanguage == null) {
                return false;
            }
            return SurveyFilesWriter.write(again.draft(), reviews).source().equals(written);
        } catch (RuntimeException e) {
            return false; // a version the exporter cannot say: not the same, the new files are published
        }
    }

    /** A survey version as an .xlsx. */
    public static byte[] write(SurveyVersion version, Map<String, String> notApplicableLabels) {
        return XlsxWriter.write(workbook(version.survey(), version.texts(), version.version(), notApplicableLabels));
    }

    /** A survey as XLSForm sheets (not yet an .xlsx). */
    public static Workbook workbook(Survey survey, SurveyTexts texts, int version, Map<String, String> notApplicableLabels) {
        return XlsFormExporter.export(survey, texts, version, notApplicableLabels);
    }

    /** {@code forms/Werk 2025.xlsx} -> {@code werk_2025}; null without a usable name. */
    static String idFromFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = Names.questionId(name);
        return Names.QUESTION_ID.matcher(name).matches() ? name : null;
    }

    /** Whole-file problems first, then by sheet (in tab order), row and column; each problem once. */
    private static List<XlsFormProblem> ordered(List<XlsFormProblem> problems, Workbook workbook) {
        List<String> sheets = workbook.sheets().stream().map(Sheet::name).toList();
        Set<String> seen = new LinkedHashSet<>();
        List<XlsFormProblem> out = new ArrayList<>();
        for (XlsFormProblem p : problems) {
            if (seen.add(p.severity() + "|" + p.where() + "|" + p.message())) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingInt((XlsFormProblem p) -> p.sheet() == null ? -1 : Math.max(0, sheets.indexOf(p.sheet())))
                .thenComparingInt(XlsFormProblem::row)
                .thenComparingInt(XlsFormProblem::column));
        return out;
    }
}
