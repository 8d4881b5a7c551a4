package nl.stem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.stem.conversation.Opening.Access;
import nl.stem.conversation.Opening.Candidate;
import nl.stem.conversation.Opening.Choices;
import nl.stem.conversation.Opening.Continue;
import nl.stem.conversation.Opening.Facts;
import nl.stem.conversation.Opening.Menu;
import nl.stem.conversation.Opening.OptOut;
import nl.stem.conversation.Opening.Plan;
import nl.stem.conversation.Opening.Previous;
import nl.stem.conversation.Opening.Restart;
import nl.stem.conversation.Opening.Route;
import nl.stem.conversation.Opening.Start;
import nl.stem.engine.Input;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.model.SurveyVersion;

/** The opening decision as two tables: what a message is for, and which survey then starts. No Quarkus, no database. */
class OpeningTest {

    private static final Input HELLO = new Input.Text("hallo");
    private static final Input FIVE = new Input.Text("5");
    private static final Input STOP = new Input.Text("STOP");
    private static final Input START = new Input.Start(null, "ar");
    private static final Previous ACTIVE = new Previous("active", false, false);
    private static final Previous COMPLETED = new Previous("completed", false, false);
    private static final Previous STOPPED = new Previous("stopped", false, false);
    private static final Previous EXPIRED = new Previous("expired", false, false);
    private static final Previous COMPLETED_DELETE_TYPED = new Previous("completed", false, true);
    private static final Previous COMPLETED_CONFIRMING = new Previous("completed", true, false);
    private static final Previous ACTIVE_CONFIRMING = new Previous("active", true, false);
    /** The engine's STOP rule, as far as these tables need it. */
    private static final BiPredicate<SurveyVersion, Input> IS_STOP = (v, i) -> i == STOP;

    private static PublishedSurvey work;
    private static PublishedSurvey safety;

    @BeforeAll
    static void surveys() throws Exception {
        work = published("toegang_tot_werk", 1);
        safety = published("veiligheid_en_stabiliteit", 2);
    }

    private static PublishedSurvey published(String id, long versionId) throws Exception {
        var source = SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations")).stream()
                .filter(s -> s.surveyFile().equals("surveys/" + id + ".yaml")).findFirst().orElseThrow();
        var r = new SurveyLoader(IoiTaxonomy.builtIn()).load(source);
        assertTrue(r.valid(), r.problems().toString());
        return new PublishedSurvey(versionId, new SurveyVersion(r.survey(), r.texts(), 1, r.checksum()), Instant.EPOCH);
    }

    private record RouteRow(String situation, Facts facts, Route expected) {
    }

    private static Facts facts(Input input, Previous session) {
        return new Facts(input, null, null, null, session, null, null);
    }

    @Test
    void route_table() {
        List<RouteRow> rows = List.of(
                new RouteRow("a newcomer's first message", facts(HELLO, null), new Restart(null, false, false)),
                new RouteRow("a newcomer's /start", facts(START, null), new Restart(null, true, false)),
                new RouteRow("an answer in a session under way", facts(FIVE, ACTIVE), new Continue(false)),
                new RouteRow("a stale menu button during a session (the menu is not read then)",
                        new Facts(new Input.ButtonTap("start:toegang_tot_werk"), null, null, null, ACTIVE, null, null),
                        new Continue(false)),
                new RouteRow("a menu choice after a session ended",
                        new Facts(new Input.ButtonTap("start:veiligheid_en_stabiliteit"), null, null, null, COMPLETED,
                                "veiligheid_en_stabiliteit", null),
                        new Restart("veiligheid_en_stabiliteit", false, false)),
                new RouteRow("a message after the end, with an open invitation: it answers the invitation",
                        new Facts(FIVE, null, null, null, COMPLETED, null, true), new Restart(null, false, false)),
                new RouteRow("STOP after a stop, with an open invitation (the plan opts them out)",
                        new Facts(STOP, null, null, null, STOPPED, null, true), new Restart(null, false, false)),
                new RouteRow("a message after the end, no invitation: the engine answers as for an ended session",
                        new Facts(FIVE, null, null, null, COMPLETED, null, false), new Continue(true)),
                new RouteRow("\"delete my data\" after the end, even with an invitation",
                        new Facts(HELLO, null, null, null, COMPLETED_DELETE_TYPED, null, true), new Continue(true)),
                new RouteRow("the deletion's confirmation after the end, even with an invitation",
                        new Facts(new Input.Text("ja"), null, null, null, COMPLETED_CONFIRMING, null, true), new Continue(true)),
                new RouteRow("any message after the session expired: told so, and a survey starts",
                        facts(HELLO, EXPIRED), new Restart(null, false, true)),
                new RouteRow("an invitation link after the session expired: no notice, the linked survey",
                        new Facts(START, "toegang_tot_werk", null, null, EXPIRED, null, null),
                        new Restart("toegang_tot_werk", true, false)),
                new RouteRow("an invitation link in the middle of a session: the linked survey starts",
                        new Facts(START, "toegang_tot_werk", null, null, ACTIVE, null, null),
                        new Restart("toegang_tot_werk", true, false)),
                new RouteRow("\"my data\" from a member with no session", new Facts(HELLO, null, "ar", null, null, null, null),
                        new Access("ar")),
                new RouteRow("\"my data\" in English from a member who speaks Farsi: in Farsi",
                        new Facts(HELLO, null, "en", "fa", COMPLETED, null, null), new Access("fa")),
                new RouteRow("\"my data\" in Arabic from a member who spoke Farsi: in Arabic",
                        new Facts(HELLO, null, "ar", "fa", COMPLETED, null, null), new Access("ar")),
                new RouteRow("\"my data\" during a session: the engine gives the summary and asks again",
                        new Facts(HELLO, null, "ar", null, ACTIVE, null, null), new Continue(false)),
                new RouteRow("\"my data\" while a deletion waits for its confirmation",
                        new Facts(HELLO, null, "ar", null, ACTIVE_CONFIRMING, null, null), new Continue(false)));
        for (RouteRow row : rows) {
            assertEquals(row.expected(), Opening.route(row.facts()), row.situation());
        }
    }

    private record PlanRow(String situation, Restart restart, Choices choices, Input input, Plan expected) {
    }

    private static Candidate wave(PublishedSurvey survey) {
        return new Candidate(survey, 12L, "ar");
    }

    private static Choices choices(Optional<Candidate> invited, List<PublishedSurvey> open) {
        return new Choices(Optional.empty(), invited, open, Optional.empty(), false, Optional.empty());
    }

    @Test
    void plan_table() {
        Restart any = new Restart(null, false, false);
        Restart started = new Restart(null, true, false);
        Restart workChosen = new Restart(work.surveyId(), false, false);
        Restart unknownChosen = new Restart("no_such_survey", false, false);
        List<PlanRow> rows = List.of(
                new PlanRow("a link wins over an invitation",
                        any, new Choices(Optional.of(Candidate.open(safety)), Optional.of(wave(work)), List.of(work), Optional.empty(),
                                false, Optional.empty()), START, new Start(Candidate.open(safety))),
                new PlanRow("a menu choice of the survey they are invited to: in the wave",
                        workChosen, choices(Optional.of(wave(work)), List.of(work, safety)), HELLO, new Start(wave(work))),
                new PlanRow("a menu choice of another open survey: outside the wave",
                        workChosen, choices(Optional.of(wave(safety)), List.of(work, safety)), HELLO, new Start(Candidate.open(work))),
                new PlanRow("a menu choice of a survey no longer open: the menu again",
                        unknownChosen, choices(Optional.empty(), List.of(work, safety)), HELLO, new Menu()),
                new PlanRow("a message with an invitation waiting", any, choices(Optional.of(wave(work)), List.of(safety)),
                        FIVE, new Start(wave(work))),
                new PlanRow("STOP in answer to an invitation: out of the panel",
                        any, choices(Optional.of(wave(work)), List.of()), STOP, new OptOut(wave(work))),
                new PlanRow("STOP with \"start\" said (explicit): the survey starts",
                        started, choices(Optional.of(wave(work)), List.of()), STOP, new Start(wave(work))),
                new PlanRow("STOP to the only open survey, no wave: it starts (the engine handles STOP in it)",
                        any, choices(Optional.empty(), List.of(work)), STOP, new Start(Candidate.open(work))),
                new PlanRow("\"start\" again after a survey: the same survey, newest version",
                        started, new Choices(Optional.empty(), Optional.empty(), List.of(work, safety), Optional.of(safety), true,
                                Optional.of(work)), START, new Start(Candidate.open(safety))),
                new PlanRow("the configured default",
                        any, new Choices(Optional.empty(), Optional.empty(), List.of(work, safety), Optional.empty(), true,
                                Optional.of(safety)), HELLO, new Start(Candidate.open(safety))),
                new PlanRow("a configured default that is retired: the menu, even with one survey open",
                        any, new Choices(Optional.empty(), Optional.empty(), List.of(work), Optional.empty(), true,
                                Optional.empty()), HELLO, new Menu()),
                new PlanRow("the only survey open to anyone", any, choices(Optional.empty(), List.of(work)), HELLO,
                        new Start(Candidate.open(work))),
                new PlanRow("several open, nothing chosen: the menu", any, choices(Optional.empty(), List.of(work, safety)),
                        HELLO, new Menu()),
                new PlanRow("nothing open: the menu (which says so)", any, choices(Optional.empty(), List.of()), HELLO,
                        new Menu()));
        for (PlanRow row : rows) {
            assertEquals(row.expected(), Opening.plan(row.restart(), row.choices(), row.input(), IS_STOP), row.situation());
        }
    }

    @Test
    void restartAskedByTheEngine_isExplicitAndNeedsNoNotice() {
        assertEquals(new Restart(null, true, false), Restart.requestedByEngine());
    }
}
