package nl.stem.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.panel.member.Erasure;
import nl.stem.panel.member.ImportRejected;
import nl.stem.panel.member.ImportResult;
import nl.stem.panel.member.Member;
import nl.stem.panel.member.MemberDirectory;
import nl.stem.panel.member.MemberFilter;
import nl.stem.panel.member.MemberHistory;
import nl.stem.panel.member.MemberImport;
import nl.stem.panel.member.MemberPage;
import nl.stem.panel.member.MembersConfig;

/**
 * Members from the browser, through the same services as {@code /api/members}: the list with search
 * and filters and the CSV import with its row-by-row report ({@code /dashboard/members}), a member's
 * page with link, language, consent, waves and contacts, and erasure behind a confirmation that
 * names the member. Every form carries the session's form token. Coordinators and admins only:
 * identities are shown here.
 */
@Path("/dashboard/members")
@RolesAllowed(Role.COORDINATOR_NAME)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MemberPages {
    /** The list's filter fields, as the search form names them. */
    private static final List<String> FILTERS = List.of("q", "channel", "language", "consent", "status", "attribute");
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, Formats fmt, Map<String, String> filter, MemberPage members,
                                            Paging paging, String formToken, ImportReport report, String notice, String error);

        static native TemplateInstance member(Page page, Formats fmt, Member member, MemberHistory.History history);

        static native TemplateInstance erase(Page page, Member member, String formToken, String error);
    }

    /**
     * What an import did, for the page: its counts, or why nothing was imported with one line per problem.
     *
     * @param problems each {@code line}, {@code column} (a header problem) and reasons
     */
    public record ImportReport(ImportResult result, String refusal, List<ProblemLine> problems) {
    }

    /**
     * Where a page of the list lies: rows {@code from}-{@code to} (1-based) of {@code total}, and the
     * offsets of the pages before and after it, null at either end.
     */
    public record Paging(long total, long from, long to, Long previous, Long next) {
        static Paging of(MemberPage p) {
            long to = (long) p.offset() + p.members().size();
            return new Paging(p.total(), p.offset() + 1L, to, p.offset() > 0 ? Long.valueOf(Math.max(0, p.offset() - p.limit())) : null,
                    to < p.total() ? Long.valueOf(to) : null);
        }
    }

    /** One problem of a refused import: a row (line and member id) or a header column. */
    public record ProblemLine(String line, String where, String reasons) {
    }

    private final MemberDirectory directory;
    private final MemberImport memberImport;
    private final MemberHistory history;
    private final Erasure erasure;
    private final MembersConfig membersConfig;
    private final DashboardConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    @Inject
    public MemberPages(MemberDirectory directory, MemberImport memberImport, MemberHistory history, Erasure erasure,
                       MembersConfig membersConfig, DashboardConfig config, SecurityIdentity identity, Clock clock) {
        this.directory = directory;
        this.memberImport = memberImport;
        this.history = history;
        this.erasure = erasure;
        this.membersConfig = membersConfig;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Response list(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @QueryParam("erased") String erased, @QueryParam("offset") String offset, UriInfo uri,
                         @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String v = uri.getQueryParameters().getFirst(name);
            filter.put(name, v == null ? "" : v.strip());
        }
        String notice = erased == null || erased.isBlank() ? null : messages(language).erased(erased.strip());
        try {
            return html(200, list(language, filter, search(filter, offset), cookie, null, notice, null));
        } catch (StemException e) {
            return html(e.status(), list(language, filter, new MemberPage(0, PAGE_SIZE, 0, List.of()), cookie, null, null, e.getMessage()));
        }
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("lang") String lang, @RestForm("file") FileUpload file,
                               @RestForm(FormTokens.FIELD) String formToken,
                               @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        MemberPageMessages m = messages(language);
        int status = 200;
        ImportReport report;
        if (file == null || file.uploadedFile() == null || file.size() == 0 && (file.fileName() == null || file.fileName().isEmpty())) {
            status = 400;
            report = new ImportReport(null, m.nothing_imported() + " " + m.no_file(), List.of());
        } else if (file.size() > membersConfig.importMaxBytes()) {
            status = 413;
            report = new ImportReport(null, m.nothing_imported() + " " + m.too_large(membersConfig.importMaxBytes()), List.of());
        } else {
            try {
                byte[] csv = Files.readAllBytes(file.uploadedFile());
                report = new ImportReport(memberImport.importFile(csv, identity.getPrincipal().getName(), clock.instant()), null, List.of());
            } catch (ImportRejected e) {
                status = e.status();
                report = new ImportReport(null, e.getMessage(), e.details().stream().map(MemberPages::line).toList());
            } catch (StemException e) {
                status = e.status();
                report = new ImportReport(null, m.nothing_imported() + " " + e.getMessage(), List.of());
            } catch (IOException e) {
                status = 400;
                report = new ImportReport(null, m.nothing_imported() + " " + m.unreadable(), List.of());
            }
        }
        Map<String, String> filter = new LinkedHashMap<>();
        FILTERS.forEach(f -> filter.put(f, ""));
        return html(status, list(language, filter, search(filter, null), cookie, report, null, null));
    }

    @GET
    @Path("/{memberId}")
    public Response member(@PathParam("memberId") String memberId, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        Member member = find(memberId);
        UUID respondent = directory.respondentId(memberId).orElseThrow(() -> notFound(memberId));
        Page page = page(language, "/dashboard/members/" + memberId);
        return html(200, DashboardPages.localized(Templates.member(page, formats(language), member, history.of(respondent)), language));
    }

    @GET
    @Path("/{memberId}/erase")
    public Response confirmErase(@PathParam("memberId") String memberId, @QueryParam("lang") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                 @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        return html(200, erasePage(language, find(memberId), cookie, null));
    }

    /** Erases when {@code confirm} is the member id, as typed; otherwise the confirmation again, and nothing changes. */
    @POST
    @Path("/{memberId}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response erase(@PathParam("memberId") String memberId, @RestForm("lang") String lang, @RestForm("confirm") String confirm,
                          @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        Member member = find(memberId);
        if (confirm == null || !confirm.strip().equals(member.memberId())) {
            return html(400, erasePage(language, member, cookie, messages(language).erase_mismatch(member.memberId())));
        }
        UUID respondent = directory.respondentId(memberId).orElseThrow(() -> notFound(memberId));
        if (!erasure.erase(respondent, identity.getPrincipal().getName(), clock.instant())) {
            throw notFound(memberId); // erased meanwhile
        }
        return Response.seeOther(URI.create("/dashboard/members?lang=" + language + "&erased="
                + URLEncoder.encode(member.memberId(), StandardCharsets.UTF_8))).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response toLogin(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.loginRedirect(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.forbiddenPage(e, uri, headers, identity, config);
    }

    @ServerExceptionMapper
    public Response refused(StemException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.refusedPage(e, uri, headers, identity, config);
    }

    private MemberPage search(Map<String, String> filter, String offset) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        filter.forEach((name, value) -> {
            if (value.isEmpty()) {
                return;
            }
            if (name.equals("attribute")) {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new StemException(ErrorCode.BAD_ATTRIBUTE, "Write the attribute filter as name=value, e.g. region=Utrecht");
                }
                params.put(MemberFilter.ATTRIBUTE + value.substring(0, eq).strip(), List.of(value.substring(eq + 1).strip()));
            } else {
                params.put(name, List.of(value));
            }
        });
        params.put("limit", List.of(String.valueOf(PAGE_SIZE)));
        if (offset != null && !offset.isBlank()) {
            params.put("offset", List.of(offset));
        }
        return directory.search(MemberFilter.of(params));
    }

    private TemplateInstance list(String language, Map<String, String> filter, MemberPage members, String cookie,
                                  ImportReport report, String notice, String error) {
        Map<String, String> query = new LinkedHashMap<>();
        filter.forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.put(k, v);
            }
        });
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/members", query);
        return DashboardPages.localized(Templates.list(page, formats(language), filter, members, Paging.of(members), FormTokens.of(cookie), report,
                notice, error), language);
    }

    private TemplateInstance erasePage(String language, Member member, String cookie, String error) {
        Page page = page(language, "/dashboard/members/" + member.memberId() + "/erase");
        return DashboardPages.localized(Templates.erase(page, member, FormTokens.of(cookie), error), language);
    }

    private Member find(String memberId) {
        return directory.find(memberId).orElseThrow(() -> notFound(memberId));
    }

    private Page page(String language, String path) {
        return new Page(language, identity.getPrincipal().getName(), path, Map.of());
    }

    private Formats formats(String language) {
        return new Formats(language, config.timeZone());
    }

    private static ProblemLine line(Object detail) {
        if (detail instanceof nl.stem.panel.member.RowProblem row) {
            return new ProblemLine(String.valueOf(row.line()), row.memberId(), String.join("; ", row.reasons()));
        }
        if (detail instanceof nl.stem.panel.member.HeaderProblem header) {
            return new ProblemLine("1", header.column() + (header.position() > 0 ? " (" + header.position() + ")" : ""), header.problem());
        }
        return new ProblemLine("", "", String.valueOf(detail));
    }

    private static StemException notFound(String memberId) {
        return new StemException(ErrorCode.MEMBER_NOT_FOUND, "No member with member_id '" + memberId + "'");
    }

    private static Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    static MemberPageMessages messages(String language) {
        return MessageBundles.get(MemberPageMessages.class, Localized.Literal.of(language));
    }
}
