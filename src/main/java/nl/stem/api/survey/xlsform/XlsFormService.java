package nl.stem.api.survey.xlsform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.engine.UiTexts;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveySource;
import nl.stem.survey.SurveyVersionRecord;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.xlsform.XlsForms;

/**
 * XLSForm import and export against the published versions: an import is compared with the
 * version it was exported from (or the newest), so an unedited round trip keeps that version's
 * files and translations keep their review marks. Used by the API and at start-up.
 */
@ApplicationScoped
public class XlsFormService {
    /**
     * Imports read a workbook into memory (bounded by {@code XlsxReader.Limits}); two at a time keep
     * a burst of uploads from filling the heap. Researchers upload forms rarely.
     */
    private final Semaphore imports = new Semaphore(2);

    @Inject
    SurveyCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    UiTexts ui;

    /** Reads and validates a form; publishes nothing. */
    public XlsForms.Import read(byte[] xlsx, String fileName) {
        try {
            if (!imports.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new StemException(ErrorCode.BUSY, "Other forms are being imported: try again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StemException(ErrorCode.BUSY, "The import was interrupted: try again");
        }
        try {
            return XlsForms.read(xlsx, fileName, catalog.loader(), this::base);
        } finally {
            imports.release();
        }
    }

    /** The version a form names in its settings (as the export writes it), else the newest. */
    XlsForms.Base base(String surveyId, String formVersion) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            SurveyVersionRecord row = null;
            if (formVersion != null && formVersion.matches("\\d{1,9}")) {
                row = SurveyVersionRecord.find("surveyId = ?1 and version = ?2", surveyId, Integer.parseInt(formVersion)).firstResult();
            }
            if (row == null) {
                row = SurveyVersionRecord.find("surveyId = ?1 order by version desc", surveyId).firstResult();
            }
            if (row == null) {
                return null;
            }
            try {
                return new XlsForms.Base(json.readValue(row.sources, SurveySource.class), row.version);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored sources of survey version " + row.id + " are unreadable", e);
            }
        });
    }

    /** A published version as an .xlsx. */
    public byte[] export(SurveyVersion version) {
        return XlsForms.write(version, notApplicableLabels(version.survey().languages()));
    }

    /** Stem's own "not applicable" button text per language, for the 'na' choice of exported scales. */
    Map<String, String> notApplicableLabels(List<String> languages) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : languages) {
            String p = ui.pattern(lang, "button.not_applicable");
            if (p != null && !p.equals("button.not_applicable")) {
                out.put(lang, p);
            }
        }
        return out;
    }
}
