package nl.stem.results;

/**
 * A value a question's answers are counted by, with its label in the viewer's language: a choice
 * ({@code work}, "I work"), a scale point ({@code 3}, "3"), or consent ({@code yes}, "Yes").
 */
public record Option(String key, String label) {
}
