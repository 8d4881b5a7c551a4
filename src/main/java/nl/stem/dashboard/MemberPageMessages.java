package nl.stem.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The member pages' texts, in English here and in Dutch in {@code messages/mp_nl.properties}. */
@MessageBundle(value = "mp", locale = "en")
public interface MemberPageMessages {
    @Message("Members")
    String title();

    @Message("Import members")
    String import_title();

    @Message("A CSV file (UTF-8, ',' or ';') with the columns member_id, channel, whatsapp_number, language, optionally time_zone and consent, then attributes. All or nothing: when a row is wrong, nothing is imported and every wrong row is listed here. An existing member_id is updated.")
    String import_help();

    @Message("CSV file")
    String file();

    @Message("Import")
    String import_button();

    @Message("Imported {rows} rows: {created} new, {updated} updated, {unchanged} unchanged.")
    String imported(int rows, int created, int updated, int unchanged);

    @Message("Nothing was imported.")
    String nothing_imported();

    @Message("Line")
    String line();

    @Message("Column")
    String column();

    @Message("Problem")
    String problem();

    @Message("Choose a CSV file first.")
    String no_file();

    @Message("The file is larger than {limit} bytes: split it.")
    String too_large(int limit);

    @Message("Search")
    String search();

    @Message("Member id, number or chat id contains")
    String q();

    @Message("Channel")
    String channel();

    @Message("Language")
    String language();

    @Message("Consent")
    String consent();

    @Message("Status")
    String status();

    @Message("Attribute (name=value)")
    String attribute();

    @Message("all")
    String all();

    @Message("active")
    String active();

    @Message("opted out")
    String opted_out();

    @Message("given")
    String consent_given();

    @Message("refused")
    String consent_refused();

    @Message("unknown")
    String consent_unknown();

    @Message("Find")
    String find();

    @Message("The uploaded file could not be read.")
    String unreadable();

    @Message("Members found: {total}; shown: {from}-{to}.")
    String matches(long total, long from, long to);

    @Message("No member matches.")
    String none();

    @Message("Member")
    String member();

    @Message("Link")
    String link();

    @Message("linked")
    String linked();

    @Message("not linked yet")
    String pending();

    @Message("Number or chat id")
    String identity();

    @Message("Waves")
    String waves();

    @Message("Completed")
    String completed();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Member {id}")
    String member_title(String id);

    @Message("Back to the members")
    String back();

    @Message("Time zone")
    String time_zone();

    @Message("Enrolled")
    String enrolled();

    @Message("Opted out")
    String opted_out_at();

    @Message("Unreachable since")
    String unreachable();

    @Message("Attributes")
    String attributes();

    @Message("Wave")
    String wave();

    @Message("Invited")
    String invited();

    @Message("Reminders")
    String reminders();

    @Message("Survey")
    String session();

    @Message("Answered")
    String answered();

    @Message("not started")
    String not_started();

    @Message("Contacts")
    String contacts();

    @Message("No contacts yet.")
    String no_contacts();

    @Message("No waves yet.")
    String no_waves();

    @Message("Kind")
    String kind();

    @Message("When")
    String when();

    @Message("Erase this member")
    String erase();

    @Message("Erase member {id}")
    String erase_title(String id);

    @Message("This erases member {id} and everything about them: their answers, voice notes and videos, sessions, channel identity, invitations, wave memberships and contacts. It cannot be undone. One anonymous record that an erasure happened stays in the audit log.")
    String erase_warning(String id);

    @Message("Type the member id {id} to confirm")
    String erase_confirm(String id);

    @Message("Erase for good")
    String erase_button();

    @Message("The member id you typed is not {id}: nothing was erased.")
    String erase_mismatch(String id);

    @Message("Member {id} was erased.")
    String erased(String id);
}
