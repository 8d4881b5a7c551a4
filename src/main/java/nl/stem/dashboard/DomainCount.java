package nl.stem.dashboard;

/**
 * Answers of a wave in one IoI domain: an answer counts once in every domain its question is tagged
 * with. Example: {@code new DomainCount("safety", "Veiligheid", 120, 7)}.
 *
 * @param domain the domain id (the part of a tag before the dot)
 * @param name   its name in the page language
 * @param answers answers to questions tagged with the domain
 * @param media   of them, audio, video or image answers
 */
public record DomainCount(String domain, String name, long answers, long media) {
}
