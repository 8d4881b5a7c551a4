package nl.stem.engine;

import java.util.List;

/** The outcome of one engine step: the new state, messages to send and events to store. */
public record StepResult(SessionState state, List<Outbound> messages, List<SessionEvent> events) {
    public StepResult {
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }
}
