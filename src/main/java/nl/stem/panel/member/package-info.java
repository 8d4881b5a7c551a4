/**
 * Panel members: CSV import, the member directory and API, and the right to erasure (implements
 * conversation.RespondentErasure).
 * <p>
 * Writes the panel columns of respondents through the import staging table member_import;
 * identities through IdentityStore. Erasure deletes one respondent from every table, the one
 * exception to one writer per table. Panel layer.
 */
package nl.stem.panel.member;
