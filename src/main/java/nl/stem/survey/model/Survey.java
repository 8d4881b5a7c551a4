package nl.stem.survey.model;

import java.util.List;
import java.util.Optional;

/**
 * A survey definition as read from {@code surveys/<id>.yaml}.
 *
 * @param id             stable id, {@code [a-z][a-z0-9_]*}
 * @param title          title in the source language (translated under {@code survey.title})
 * @param sourceLanguage BCP 47 tag of the language the file is written in
 * @param languages      every language offered, source first
 * @param openToAnyone   whether anyone may start it without an invitation
 * @param questions      in order
 */
public record Survey(String id, String title, String sourceLanguage, List<String> languages,
                     boolean openToAnyone, List<Question> questions) {
    public Survey {
        languages = List.copyOf(languages);
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }
}
