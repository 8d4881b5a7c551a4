package nl.stem.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.engine.UiTexts;
import nl.stem.language.Languages;
import nl.stem.language.Texts;

/**
 * The public results of a wave, for the panel and for policy makers: {@code GET /results/<token>?lang=ar}
 * and {@code /results/<token>/results.json}. No login. A mistyped, unknown or revoked link gets the
 * same bare 404, telling nothing.
 */
@Path("/results/{token}")
@Blocking
public class PublicResults {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PublicView view, String token);
    }

    @Inject
    Publications publications;
    @Inject
    ResultsScopes scopes;
    @Inject
    ResultsRequests requests;
    @Inject
    Quotes quotes;
    @Inject
    UiTexts ui;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("token") String token, @QueryParam("lang") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PublicView view = view(token, lang, acceptLanguage);
        return Templates.page(view, token).setLocale(Locale.forLanguageTag(view.language()));
    }

    @GET
    @Path("/results.json")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicView json(@PathParam("token") String token, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return view(token, lang, acceptLanguage);
    }

    private PublicView view(String token, String lang, String acceptLanguage) {
        long waveId = publications.wave(token).orElseThrow(() -> new StemException(ErrorCode.NOT_FOUND, "Not found"));
        ResultsScope scope = scopes.forWave(waveId);
        List<String> languages = scope.newest().version().survey().languages();
        String language = choose(lang, acceptLanguage, languages);
        SurveyResults r = requests.results(scope, language, "en");
        int k = r.minCellSize();
        boolean tooFew = Suppression.tooSmall(r.responses(), k);
        List<PublicView.PublicQuestion> out = new ArrayList<>();
        for (QuestionResult q : r.questions()) {
            boolean hidden = tooFew || q.suppressed() || q.total() == null;
            List<Quotes.Quote> quoted = q.listed() ? quotes.of(waveId, q.id()) : List.of();
            if (q.listed() && quoted.isEmpty()) {
                continue;
            }
            List<PublicView.PublicOption> options = new ArrayList<>();
            String average = null;
            String note;
            if (hidden) {
                note = text(language, "public.hidden", Map.of("k", k));
            } else {
                for (Option o : q.options()) {
                    options.add(new PublicView.PublicOption(o.key(), o.label(), q.total().shares().getOrDefault(o.key(), 0.0)));
                }
                note = text(language, "public.answered", Map.of("n", Texts.number(language, q.total().n())));
                if (q.total().mean() != null && ("scale".equals(q.type()) || "number".equals(q.type()))) {
                    String lo = q.options().isEmpty() ? "" : q.options().get(0).key();
                    String hi = q.options().isEmpty() ? "" : q.options().get(q.options().size() - 1).key();
                    average = "scale".equals(q.type())
                            ? text(language, "public.mean", Map.of("mean", decimal(language, q.total().mean()), "min", lo, "max", hi))
                            : decimal(language, q.total().mean());
                }
            }
            out.add(new PublicView.PublicQuestion(q.id(), q.type(), q.text(), hidden, hidden ? 0 : q.total().n(), note, options,
                    average, hidden ? List.of() : quoted));
        }
        List<PublicView.LanguageLink> links = languages.stream().map(l -> new PublicView.LanguageLink(l, Languages.selfName(l))).toList();
        String intro = text(language, "public.intro", Map.of("survey", r.title(),
                "responses", tooFew ? "<" + k : Texts.number(language, r.responses())));
        return new PublicView(r.title(), language, Languages.isRightToLeft(language), links, text(language, "public.title", Map.of()), intro,
                text(language, "public.rule", Map.of("k", k)), tooFew ? 0 : r.responses(), out);
    }

    /** The page's language: {@code ?lang=} when the survey has it, else the browser's best match, else the source language. */
    static String choose(String lang, String acceptLanguage, List<String> languages) {
        if (lang != null && languages.contains(lang)) {
            return lang;
        }
        if (acceptLanguage != null && acceptLanguage.length() <= 500) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].strip();
                if (!tag.isEmpty() && !tag.equals("*")) {
                    var match = Languages.match(tag, languages);
                    if (match.isPresent()) {
                        return match.get();
                    }
                }
            }
        }
        return languages.get(0);
    }

    private String text(String language, String key, Map<String, ?> args) {
        String p = ui.pattern(language, key);
        return p == null ? key : Texts.format(language, p, args);
    }

    private static String decimal(String language, double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(v);
    }
}
