/**
 * Data protection: what Stem holds about one person and how long it keeps it (docs/data-protection.md).
 * Access and portability ({@link nl.stem.privacy.PersonalRecords}: the record a coordinator downloads
 * and the summary a respondent asks for in the chat with "my data"), consent records
 * ({@link nl.stem.privacy.ConsentRecords}, table {@code consent_records}) and the retention schedule
 * ({@link nl.stem.privacy.Retention}, tables {@code retention_runs}; it deletes media files, channel
 * identities, free text in sessions' raw state, old message texts and preview respondents).
 * Owns {@code consent_records} and {@code retention_runs}; reads the respondent's rows in every other
 * table. In the panel layer (ArchitectureTest): may import {@code panel}, {@code conversation},
 * {@code survey}, {@code media}, {@code audit} and what lies below; the conversation reaches it only
 * through the contracts it owns ({@code conversation.AccessAnswers}, {@code conversation.ConsentLog}).
 */
package nl.stem.privacy;
