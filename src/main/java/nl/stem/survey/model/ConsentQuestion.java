package nl.stem.survey.model;

/**
 * Informed consent: yes or no. Refusal ends the session politely and keeps no answers.
 * Example: {@code {id: consent, type: consent, text: "Doe je mee? Je antwoorden zijn anoniem."}}
 */
public record ConsentQuestion(QuestionHead head) implements Question {
    @Override
    public String type() {
        return "consent";
    }
}
