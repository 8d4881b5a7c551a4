package nl.stem.api.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.stem.survey.model.AnswerValue;

/**
 * One answer as exports see it: the respondent only by pseudonym, with its session and media facts.
 *
 * @param id             answer id
 * @param sessionStatus  {@code active}, {@code completed}, {@code stopped}, ...
 * @param mediaKind      null unless a media answer (likewise the other media fields)
 * @param waveId         the answer's wave ({@code answers.wave_id}), null outside a wave
 * @param sessionWaveId  the session's wave ({@code sessions.wave_id}); the same as the answer's
 */
public record AnswerRow(long id, String pseudonym, UUID sessionId, String surveyId, int version, long versionId,
                        String questionId, String questionType, AnswerValue value, String rawText, String language,
                        String channel, Instant answeredAt, List<String> ioiTags, UUID mediaId, String sessionStatus,
                        String sessionLanguage, Instant startedAt, Instant completedAt, String mediaKind,
                        String mediaMime, Long mediaSize, Integer mediaDuration, Long waveId, Long sessionWaveId) {
}
