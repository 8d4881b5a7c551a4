package nl.stem.api.survey.xlsform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ApiConfig;
import nl.stem.api.Problem;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.survey.InvalidSurveyException;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyPublisher;
import nl.stem.survey.SurveyRecord;
import nl.stem.survey.SurveyVersionRecord;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.xlsform.XlsFormProblem;
import nl.stem.survey.xlsform.XlsForms;

/**
 * XLSForm in and out: import a form (validate, or publish with {@code ?publish=true}), and export
 * any published version as a form that imports back to the same survey.
 */
@Path("/api/surveys")
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "surveys", description = "Validate, publish and version surveys")
public class XlsFormResource {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A problem with its place in the workbook: {@code survey!F14}. */
    public record Item(String severity, String sheet, Integer row, String column, String cell, String header,
                       String where, String message) {
        static Item of(XlsFormProblem p) {
            return new Item(p.severity().name().toLowerCase(Locale.ROOT), p.sheet(), p.row() > 0 ? p.row() : null,
                    p.column() > 0 ? nl.stem.survey.xlsform.Cells.columnName(p.column()) : null, p.cell(), p.header(),
                    p.where(), p.message());
        }
    }

    /** A valid form, not published. */
    public record Validation(boolean valid, String surveyId, String checksum, Integer sameAsVersion, List<String> languages,
                             int questions, List<Item> problems) {
    }

    /** A published form. */
    public record Published(String id, int version, String checksum, boolean created, List<Item> problems) {
    }

    @Inject
    XlsFormService service;
    @Inject
    SurveyPublisher publisher;
    @Inject
    SurveyCatalog catalog;
    @Inject
    ApiConfig config;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/xlsform")
    @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an XLSForm (.xlsx as the body): validate it, or publish it with ?publish=true",
            description = "200 with the validation (or, published, 201 with the new version, 200 when unchanged); "
                    + "422 listing every problem with sheet, row and column. ?filename= names the survey when settings has no form_id")
    public Response importBody(InputStream body, @QueryParam("publish") String publish, @QueryParam("filename") String fileName) {
        boolean doPublish = publishFlag(publish);
        return answer(read(body), fileName, doPublish);
    }

    @POST
    @Path("/xlsform")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an XLSForm uploaded as the multipart field 'file'; ?publish=true publishes it")
    public Response importUpload(@RestForm("file") FileUpload file, @QueryParam("publish") String publish) throws IOException {
        boolean doPublish = publishFlag(publish);
        if (file == null) {
            throw new StemException(ErrorCode.FILE_REQUIRED, "Upload the .xlsx in the form field \"file\"");
        }
        if (file.size() > config.maxUploadBytes()) {
            throw new StemException(ErrorCode.BODY_TOO_LARGE, "The file is larger than " + config.maxUploadBytes() + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            bytes = in.readNBytes(config.maxUploadBytes() + 1);
        }
        if (bytes.length > config.maxUploadBytes()) {
            throw new StemException(ErrorCode.BODY_TOO_LARGE, "The file is larger than " + config.maxUploadBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new StemException(ErrorCode.EMPTY_BODY, "The uploaded file is empty");
        }
        return answer(bytes, file.fileName(), doPublish);
    }

    /**
     * Any other content type: refused here, after the token check, so that a caller without a valid
     * token learns nothing but 401 (with only the two methods above, the framework would answer 415 first).
     */
    @POST
    @Path("/xlsform")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response importOther(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        throw new StemException(ErrorCode.NOT_XLSX, "Send the .xlsx as the body (Content-Type: " + XLSX
                + ") or as the multipart/form-data field \"file\", not " + (contentType == null ? "without a Content-Type" : contentType));
    }

    @GET
    @Path("/{id}/versions/{version}/xlsform")
    @Produces(XLSX)
    @Transactional
    @Operation(summary = "A published version as an XLSForm (.xlsx)",
            description = "Imported again unedited, it gives the same survey (same checksum); edit it in a spreadsheet and import it")
    public Response export(@PathParam("id") String id, @PathParam("version") int version) {
        SurveyRecord s = SurveyRecord.findById(id);
        if (s == null || SurveyVersionRecord.count("surveyId", id) == 0) {
            throw new StemException(ErrorCode.SURVEY_NOT_FOUND, "No published survey with id '" + id + "'");
        }
        SurveyVersionRecord row = SurveyVersionRecord.find("surveyId = ?1 and version = ?2", id, version).firstResult();
        if (row == null) {
            throw new StemException(ErrorCode.VERSION_NOT_FOUND, "Survey '" + id + "' has no version " + version);
        }
        PublishedSurvey p = catalog.byVersionId(row.id).orElseThrow();
        byte[] xlsx = service.export(p.version());
        return Response.ok(xlsx, XLSX).header("Content-Disposition", "attachment; filename=\"" + id + "-v" + version + ".xlsx\"").build();
    }

    private Response answer(byte[] bytes, String fileName, boolean publish) {
        XlsForms.Import imported = service.read(bytes, fileName);
        List<Item> problems = imported.problems().stream().map(Item::of).toList();
        if (!imported.valid()) {
            long errors = imported.problems().stream().filter(XlsFormProblem::isError).count();
            String code = imported.source() == null && imported.problems().stream().allMatch(p -> p.sheet() == null)
                    ? ErrorCode.XLSFORM_UNREADABLE.code() : ErrorCode.XLSFORM_INVALID.code();
            throw new InvalidForm(new Problem(422, code, "The form cannot be taken over: " + errors
                    + " error(s); each problem names its sheet, row and column (survey!F14)", problems));
        }
        if (!publish) {
            return Response.ok(new Validation(true, imported.surveyId(), imported.result().checksum(),
                    imported.sameAs() > 0 ? imported.sameAs() : null, imported.result().survey().languages(),
                    imported.result().survey().questions().size(), problems)).build();
        }
        SurveyPublisher.Publication p;
        try {
            p = publisher.publish(imported.source(), identity.getPrincipal().getName());
        } catch (InvalidSurveyException e) {
            // validated a moment ago; only a change of the taxonomy in between could get here
            throw new InvalidForm(new Problem(422, ErrorCode.XLSFORM_INVALID.code(), e.getMessage(), problems));
        }
        SurveyVersion v = p.survey().version();
        return Response.status(p.created() ? 201 : 200)
                .entity(new Published(v.surveyId(), v.version(), v.checksum(), p.created(), problems)).build();
    }

    private byte[] read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(config.maxUploadBytes() + 1);
        } catch (IOException e) {
            throw new StemException(ErrorCode.UNREADABLE_BODY, "The request body could not be read");
        }
        if (bytes.length > config.maxUploadBytes()) {
            throw new StemException(ErrorCode.BODY_TOO_LARGE, "The request body is larger than " + config.maxUploadBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new StemException(ErrorCode.EMPTY_BODY, "Send the .xlsx file as the request body");
        }
        return bytes;
    }

    private static boolean publishFlag(String publish) {
        if (publish == null || publish.equals("false")) {
            return false;
        }
        if (publish.equals("true")) {
            return true;
        }
        throw new StemException(ErrorCode.BAD_PUBLISH, "publish must be true or false, not '" + publish + "'");
    }

    /** 422 with every problem, by sheet, row and column. */
    public static class InvalidForm extends StemException {
        private final transient Problem problem;

        InvalidForm(Problem problem) {
            super(problem.status(), problem.code(), problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
