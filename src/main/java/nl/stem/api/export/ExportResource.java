package nl.stem.api.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.Role;

/**
 * Results for researchers, streamed from a database cursor. Every export is audited with who asked
 * and the filters (never personal data). Preview answers are left out unless {@code include_preview=true}.
 * Every export takes the same filters ({@link Params}, parsed by {@link ExportFilters}), {@code wave} included.
 */
@Path("/api/exports")
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "exports", description = "Long and wide CSV, codebook, SPSS and Stata syntax, Flow Results package")
public class ExportResource {
    static final String CSV = "text/csv; charset=utf-8";

    /** The filters every export takes. */
    public static class Params {
        @QueryParam("survey")
        public String survey;
        @QueryParam("version")
        public String version;
        @QueryParam("wave")
        public String wave;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("language")
        public String language;
        @QueryParam("channel")
        public String channel;
        @QueryParam("include_preview")
        public String includePreview;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codebook(Codebook codebook);
    }

    @Inject
    ExportFilters filters;
    @Inject
    LongCsv longCsv;
    @Inject
    WideCsv wideCsv;
    @Inject
    FlowResults flowResults;
    @Inject
    Audit audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Context
    UriInfo uri;

    @GET
    @Path("/long.csv")
    @Produces(CSV)
    @Operation(summary = "Long CSV: one row per answer",
            description = "respondent (pseudonym), wave, session, survey, survey_version, question, question_type, value, "
                    + "value_label, raw_text (as typed, or the label of the tapped button), language, channel, answered_at, "
                    + "ioi_tags, media_id. Filters: survey (required), version, wave (an id, or several: 3,4), from, to "
                    + "(ISO date or date-time), language, channel, include_preview. Cells that could start a spreadsheet "
                    + "formula (= + - @ tab CR) get a leading apostrophe; plain numbers are kept")
    public Response longCsv(@BeanParam Params p) {
        ExportFilter f = start(p, "export.long_csv");
        return file((StreamingOutput) out -> longCsv.write(f, out), CSV, f.surveyId() + "-long.csv");
    }

    @GET
    @Path("/wide.csv")
    @Produces(CSV)
    @Operation(summary = "Wide CSV: one row per respondent per session, one column per variable",
            description = "Multiple choice: the ids space-separated plus one 0/1 column <question>/<choice>. "
                    + "Missing: -77 refused/stopped, -88 skipped, -99 not applicable or not asked by skip logic. "
                    + "One line per row: a line break inside an answer is written as U+2028")
    public Response wideCsv(@BeanParam Params p) {
        ExportFilter f = start(p, "export.wide_csv");
        return file((StreamingOutput) out -> wideCsv.write(f, out), CSV, f.surveyId() + "-wide.csv");
    }

    @GET
    @Path("/codebook.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Codebook as JSON: every variable's texts in every language, value labels, missing codes, condition, IoI tags")
    public Codebook codebookJson(@BeanParam Params p) {
        return CodebookBuilder.build(start(p, "export.codebook"));
    }

    @GET
    @Path("/codebook.csv")
    @Produces(CSV)
    @Operation(summary = "Codebook as CSV, one row per variable")
    public Response codebookCsv(@BeanParam Params p) {
        Codebook c = CodebookBuilder.build(start(p, "export.codebook"));
        return file((StreamingOutput) out -> CodebookCsv.write(c, out), CSV, c.survey() + "-codebook.csv");
    }

    @GET
    @Path("/codebook.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Codebook as a readable page")
    public TemplateInstance codebookHtml(@BeanParam Params p) {
        return Templates.codebook(CodebookBuilder.build(start(p, "export.codebook")));
    }

    @GET
    @Path("/wide.sps")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "SPSS syntax that reads wide.csv (saved beside it) and labels it; runs in SPSS and GNU PSPP")
    public Response spss(@BeanParam Params p) {
        ExportFilter f = start(p, "export.spss");
        String syntax = SpssSyntax.write(CodebookBuilder.build(f), new WideLayout(f.versions()), f.surveyId() + "-wide.csv");
        return file((StreamingOutput) out -> out.write(syntax.getBytes(StandardCharsets.UTF_8)), "text/plain; charset=utf-8",
                f.surveyId() + "-wide.sps");
    }

    @GET
    @Path("/wide.do")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Stata do-file that reads wide.csv (saved beside it) and labels it")
    public Response stata(@BeanParam Params p) {
        ExportFilter f = start(p, "export.stata");
        String syntax = StataSyntax.write(CodebookBuilder.build(f), new WideLayout(f.versions()), f.surveyId() + "-wide.csv");
        return file((StreamingOutput) out -> out.write(syntax.getBytes(StandardCharsets.UTF_8)), "text/plain; charset=utf-8",
                f.surveyId() + "-wide.do");
    }

    @GET
    @Path("/flow-results/datapackage.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Flow Results package descriptor (FLOIP 1.1.0); save responses.json beside it")
    public Response flowDescriptor(@BeanParam Params p) {
        ExportFilter f = start(p, "export.flow_results");
        Instant now = clock.instant();
        return file((StreamingOutput) out -> flowResults.writeDescriptor(f, now, out), MediaType.APPLICATION_JSON, "datapackage.json");
    }

    @GET
    @Path("/flow-results/responses.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Flow Results responses: one 7-field array per answer")
    public Response flowResponses(@BeanParam Params p) {
        ExportFilter f = start(p, "export.flow_results");
        String media = mediaBase();
        return file((StreamingOutput) out -> flowResults.writeResponses(f, media, out), MediaType.APPLICATION_JSON,
                FlowResults.RESPONSES_FILE);
    }

    @GET
    @Path("/flow-results.zip")
    @Produces("application/zip")
    @Operation(summary = "Flow Results package as one zip: datapackage.json and responses.json")
    public Response flowZip(@BeanParam Params p) {
        ExportFilter f = start(p, "export.flow_results");
        Instant now = clock.instant();
        String media = mediaBase();
        StreamingOutput body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            flowResults.writeDescriptor(f, now, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(FlowResults.RESPONSES_FILE));
            flowResults.writeResponses(f, media, zip);
            zip.closeEntry();
            zip.finish();
        };
        return file(body, "application/zip", f.surveyId() + "-flow-results.zip");
    }

    private ExportFilter start(Params p, String action) {
        ExportFilter f = filters.parse(p.survey, p.version, p.wave, p.from, p.to, p.language, p.channel, p.includePreview);
        audit.recordNow(identity.getPrincipal().getName(), action, f.surveyId(), f.describe());
        return f;
    }

    private String mediaBase() {
        return uri.getBaseUriBuilder().path("api/media/").build().toString();
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
