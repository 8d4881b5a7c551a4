package nl.stem.survey.xlsform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveySource;

/** The shipped example surveys, as the loader reads them from surveys/ and translations/. */
final class ExampleSurveys {
    static final SurveyLoader LOADER = new SurveyLoader(IoiTaxonomy.builtIn());

    private ExampleSurveys() {
    }

    static List<SurveySource> all() {
        try {
            return SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SurveySource named(String id) {
        return all().stream().filter(s -> s.surveyFile().equals("surveys/" + id + ".yaml")).findFirst().orElseThrow();
    }

    static LoadResult load(SurveySource s) {
        return LOADER.load(s);
    }

    /** Versions that know one published source as version 1. */
    static XlsForms.Versions publishedAs(SurveySource source) {
        return (id, v) -> source.surveyFile().equals("surveys/" + id + ".yaml") ? new XlsForms.Base(source, 1) : null;
    }
}
