package nl.stem.survey.model;

/** Kinds of media a respondent can send. */
public enum MediaKind {
    AUDIO, VIDEO, IMAGE
}
