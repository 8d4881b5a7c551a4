package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;

/** What happened in a step, for the conversation service to store. */
public sealed interface SessionEvent {

    /**
     * An answer to store. {@code raw} is what the respondent sent: the input as typed (NFC), or for a
     * tapped button the label it showed in their language (never the payload; "done" on a multiple
     * choice gives the chosen labels), or {@code media:<kind>}.
     * Example: {@code new AnswerGiven("help_uwv", AnswerValue.scale(4), "٤", "ar")}
     */
    record AnswerGiven(String questionId, AnswerValue value, String raw, String language) implements SessionEvent {
    }

    /**
     * Consent was refused: no answers of this session are kept, only the refusal itself (which text,
     * in which language). Example: {@code new ConsentRefused("consent", "fa")}
     */
    record ConsentRefused(String questionId, String language) implements SessionEvent {
    }

    /** The last question was answered. */
    record Completed() implements SessionEvent {
    }

    /** The respondent said stop. */
    record Stopped() implements SessionEvent {
    }

    /** The respondent paused; any later message resumes where they stopped. */
    record Paused() implements SessionEvent {
    }

    /** The respondent picked or changed their language. Example: {@code new LanguageChosen("ar")} */
    record LanguageChosen(String language) implements SessionEvent {
    }

    /**
     * The respondent asked what Stem holds about them ("my data", /mydata). The service puts its
     * summary before the step's messages (which ask the current question again, as after "help").
     * Example: {@code new AccessRequested("fa")}
     */
    record AccessRequested(String language) implements SessionEvent {
    }

    /**
     * The respondent switched reading questions aloud on or off ("audio" in their language). The
     * service remembers it on the respondent, for their next sessions. Example: {@code new AudioToggled(false)}
     */
    record AudioToggled(boolean on) implements SessionEvent {
    }

    /** The respondent confirmed that all their data is to be deleted. */
    record DeletionConfirmed() implements SessionEvent {
    }

    /**
     * After the end, the respondent asked to start again ("start", /start): the service opens a new
     * session on the survey's newest version. The engine sends nothing itself.
     */
    record RestartRequested() implements SessionEvent {
    }
}
