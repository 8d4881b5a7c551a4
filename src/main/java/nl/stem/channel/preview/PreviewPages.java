package nl.stem.channel.preview;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.config.StemConfig;
import nl.stem.language.Languages;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;

/** The preview's pages: the list of surveys at {@code /try} and the chat window. */
@Path("/try")
public class PreviewPages {

    /** A language as offered on the start page. */
    public record LanguageOption(String tag, String selfName, boolean rtl, boolean preselected) {
    }

    /** A survey as listed on the start page. */
    public record SurveyOption(String id, String title, int version, int questions, List<LanguageOption> languages) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SurveyOption> surveys);

        static native TemplateInstance chat(String token, PreviewConversations.PageTexts page, String textsJson);
    }

    @Inject
    SurveyCatalog catalog;
    @Inject
    PreviewConversations preview;
    @Inject
    StemConfig config;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@HeaderParam("Accept-Language") String acceptLanguage) {
        requireEnabled();
        List<SurveyOption> surveys = catalog.current().stream().map(p -> option(p, acceptLanguage)).toList();
        return Templates.list(surveys);
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm("survey") String survey, @RestForm("language") String language) {
        requireEnabled();
        if (survey == null || survey.isBlank()) {
            throw new StemException(ErrorCode.SURVEY_REQUIRED, "Choose a survey");
        }
        String token = preview.start(survey, language == null || language.isBlank() ? null : language);
        return Response.seeOther(URI.create("/try/chat/" + token)).build();
    }

    @GET
    @Path("/chat/{token}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance chat(@PathParam("token") String token) {
        requireEnabled();
        PreviewConversations.PageTexts page = preview.pageTexts(token);
        String textsJson;
        try {
            textsJson = json.writeValueAsString(page.texts());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Templates.chat(token, page, textsJson);
    }

    /** The first language of an Accept-Language header that one of the survey's languages serves. */
    static java.util.Optional<String> preferred(String acceptLanguage, List<String> offered) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return java.util.Optional.empty();
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].strip();
            var match = Languages.match(tag, offered);
            if (match.isPresent()) {
                return match;
            }
        }
        return java.util.Optional.empty();
    }

    private void requireEnabled() {
        if (!config.preview().enabled()) {
            throw new StemException(ErrorCode.PREVIEW_DISABLED, "The preview is switched off (stem.preview.enabled)");
        }
    }

    /** A survey with its languages; the browser's preferred language (matched with ICU) is preselected. */
    private static SurveyOption option(PublishedSurvey p, String acceptLanguage) {
        var s = p.version().survey();
        String preferred = preferred(acceptLanguage, s.languages()).orElse(s.sourceLanguage());
        List<LanguageOption> languages = s.languages().stream()
                .map(tag -> new LanguageOption(tag, Languages.selfName(tag), Languages.isRightToLeft(tag), tag.equals(preferred)))
                .toList();
        String title = p.version().texts().pattern(s.sourceLanguage(), "survey.title");
        return new SurveyOption(s.id(), title == null ? s.title() : title, p.version().version(), s.questions().size(), languages);
    }
}
