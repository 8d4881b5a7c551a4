package nl.stem.conversation;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import nl.stem.engine.Input;
import nl.stem.engine.UiTexts;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.model.SurveyVersion;

/**
 * Decides what a message from a known respondent is for, before anything is done: pure, so the
 * rules read as a table ({@code OpeningTest}). {@link ConversationService} loads the facts, asks
 * {@link #route} and, when a survey is to start, {@link #plan}; then it does what the answer says.
 * Example: a "5" after the session ended, with an open invitation, routes to
 * {@code Restart(null, false, false)}, and the plan is {@code Start} of the wave's survey.
 */
public final class Opening {

    private Opening() {
    }

    /**
     * What Stem knows when the message arrives.
     *
     * @param input              what the respondent did
     * @param linkedSurvey       the survey an invitation link or the preview names, or null
     * @param accessLanguage     the language of a "my data" request, or null when it is not one
     * @param preferredLanguage  the respondent's language, or null
     * @param session            their newest session, or null when they have none
     * @param menuChoice         the survey they picked from the opening menu; read only when no session is under way
     * @param invitationPending  whether a wave awaits their answer; looked up only after a session ended, outside
     *                           a deletion (null when not looked up: it cannot change the route then)
     */
    public record Facts(Input input, String linkedSurvey, String accessLanguage, String preferredLanguage,
                        Previous session, String menuChoice, Boolean invitationPending) {
    }

    /**
     * The respondent's newest session.
     *
     * @param status             {@code active}, {@code completed}, {@code stopped}, {@code refused}, {@code expired}, ...
     * @param confirmingDeletion Stem has asked whether to delete their data
     * @param deleteCommand      the input is "delete my data" in the session's survey
     */
    public record Previous(String status, boolean confirmingDeletion, boolean deleteCommand) {

        /** Whether the session has ended: nothing more is asked in it. */
        public boolean ended() {
            return status.equals("completed") || status.equals("stopped") || status.equals("refused") || expired();
        }

        boolean expired() {
            return status.equals("expired");
        }
    }

    /** What the message is for. */
    public sealed interface Route {
    }

    /** "My data" with no session under way to ask again: the summary alone, in {@code language}; nothing else changes. */
    public record Access(String language) implements Route {
    }

    /** The message goes to the session's engine; {@code ended}: as it came, since no question is waiting for it. */
    public record Continue(boolean ended) implements Route {
    }

    /**
     * A survey is to start.
     *
     * @param requested     the survey asked for by link or menu, or null (Stem picks, see {@link #plan})
     * @param explicit      they said "start" (or the engine was told so): a stopped invitation counts again
     * @param noticeExpired tell them first that their earlier session expired
     */
    public record Restart(String requested, boolean explicit, boolean noticeExpired) implements Route {
        /** The engine asked to start again ("start" typed during a session). */
        public static Restart requestedByEngine() {
            return new Restart(null, true, false);
        }
    }

    /** Routes a message from a respondent Stem knows. */
    public static Route route(Facts f) {
        Previous s = f.session();
        boolean ended = s == null || s.ended();
        if (f.accessLanguage() != null && (s == null || ended && !s.confirmingDeletion())) {
            // A "my data" word in the fallback language says little about them: their own language wins then.
            boolean fallback = UiTexts.FALLBACK_LANGUAGE.equals(f.accessLanguage());
            return new Access(fallback && f.preferredLanguage() != null ? f.preferredLanguage() : f.accessLanguage());
        }
        // A menu button starts a survey only when no session is under way (else it is a stale button).
        String requested = f.linkedSurvey() != null ? f.linkedSurvey() : ended ? f.menuChoice() : null;
        boolean explicit = f.input() instanceof Input.Start;
        if (requested != null || s == null || s.expired()) {
            return new Restart(requested, explicit, s != null && s.expired() && f.linkedSurvey() == null);
        }
        boolean deleting = s.confirmingDeletion() || s.deleteCommand();
        if (ended && !deleting && Boolean.TRUE.equals(f.invitationPending())) {
            // A message after an earlier session ended answers the newest invitation.
            return new Restart(null, explicit, false);
        }
        return new Continue(ended);
    }

    /** A survey that may start: for a wave (or not), in a language (or the respondent's choice). */
    public record Candidate(PublishedSurvey survey, Long waveId, String language) {
        /** A survey open to anyone, outside any wave. */
        public static Candidate open(PublishedSurvey survey) {
            return new Candidate(survey, null, null);
        }
    }

    /**
     * The surveys that could start, loaded once a {@link Restart} is decided.
     *
     * @param linked            the linked survey (in the member's open wave for it, if any); empty when no link
     * @param invited           the newest invitation awaiting them (with {@link Restart#explicit}: also a stopped one)
     * @param openToAnyone      the surveys anyone may take, in catalogue order
     * @param again             the newest version of their previous session's survey, unless retired
     * @param defaultConfigured {@code stem.surveys.default-survey} is set
     * @param byDefault         that survey, when it is open or published and not retired
     */
    public record Choices(Optional<Candidate> linked, Optional<Candidate> invited, List<PublishedSurvey> openToAnyone,
                          Optional<PublishedSurvey> again, boolean defaultConfigured, Optional<PublishedSurvey> byDefault) {
    }

    /** What happens instead of the session's next step. */
    public sealed interface Plan {
    }

    /** A new session on {@code candidate}. */
    public record Start(Candidate candidate) implements Plan {
    }

    /** "STOP" in answer to an invitation: out of the panel, and no session is started. */
    public record OptOut(Candidate candidate) implements Plan {
    }

    /** Nothing to start on its own: offer the surveys open to anyone. */
    public record Menu() implements Plan {
    }

    /**
     * Which survey starts: a link; else a menu choice, which must be the survey they are invited to or
     * one open to anyone; else their newest invitation; else the survey of the previous session
     * ("start" again), the configured default, or the only survey open to anyone. None: the menu.
     *
     * @param isStop whether an input is the STOP command in a survey version (the engine's rule)
     */
    public static Plan plan(Restart r, Choices c, Input input, BiPredicate<SurveyVersion, Input> isStop) {
        Optional<Candidate> chosen = choose(r, c);
        if (chosen.isEmpty()) {
            return new Menu();
        }
        Candidate candidate = chosen.get();
        if (candidate.waveId() != null && !r.explicit() && isStop.test(candidate.survey().version(), input)) {
            return new OptOut(candidate);
        }
        return new Start(candidate);
    }

    private static Optional<Candidate> choose(Restart r, Choices c) {
        if (c.linked().isPresent()) {
            return c.linked();
        }
        if (r.requested() != null) {
            return c.invited().filter(p -> p.survey().surveyId().equals(r.requested()))
                    .or(() -> c.openToAnyone().stream().filter(p -> p.surveyId().equals(r.requested())).findFirst()
                            .map(Candidate::open));
        }
        if (c.invited().isPresent()) {
            return c.invited();
        }
        if (c.again().isPresent()) {
            return c.again().map(Candidate::open);
        }
        if (c.defaultConfigured()) {
            return c.byDefault().map(Candidate::open);
        }
        return c.openToAnyone().size() == 1 ? Optional.of(Candidate.open(c.openToAnyone().get(0))) : Optional.empty();
    }
}
