package nl.stem.panel.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MemberRowsTest {
    static final String HEADER = "member_id,channel,whatsapp_number,language,time_zone,consent,region,arrival_year\n";

    static MemberRows.Checked check(String csv) {
        MemberFile f = MemberFile.read(csv.getBytes(StandardCharsets.UTF_8));
        return MemberRows.check(f, MemberColumns.of(f.header()));
    }

    static List<String> reasons(String row) {
        MemberRows.Checked c = check(HEADER + row + "\n");
        assertEquals(1, c.rejected().size(), "rejected: " + row);
        return c.rejected().get(0).reasons();
    }

    @Test
    void check_whenRowsAreGood_normalisesThem() {
        MemberRows.Checked c = check(HEADER
                + "M-001,WhatsApp,+31 6-1234 5678,fa_af,europe/amsterdam,Given,Utrecht,2019\n"
                + "M.002,telegram,,TI,,,,\n");
        assertEquals(List.of(), c.rejected());
        assertEquals(new MemberRow(2, "M-001", "whatsapp", "+31612345678", "fa-AF", "Europe/Amsterdam", "given",
                Map.of("region", "Utrecht", "arrival_year", "2019")), c.valid().get(0));
        assertEquals(new MemberRow(3, "M.002", "telegram", null, "ti", null, null, Map.of()), c.valid().get(1));
    }

    @Test
    void check_whenEveryFieldIsWrong_givesEveryReason() {
        List<String> r = reasons("M 1,sms,0612345678,arabic!,Amsterdam,yes,x,y,z");
        assertEquals(6, r.size(), String.valueOf(r));
        assertTrue(r.get(0).contains("cells"), r.get(0));
        assertTrue(r.get(1).startsWith("member_id 'M 1'"), r.get(1));
        assertTrue(r.get(2).startsWith("unknown channel 'sms'"), r.get(2));
        assertTrue(r.get(3).startsWith("language 'arabic!'"), r.get(3));
        assertTrue(r.get(4).startsWith("time_zone 'Amsterdam'"), r.get(4));
        assertTrue(r.get(5).startsWith("consent"), r.get(5));
    }

    /** libphonenumber decides: a number that cannot exist is refused with the reason, a real one is stored as E.164. */
    @Test
    void check_whenNumberCannotExist_refusesItWithTheReason() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("+999 123 456 789", "has no country code that exists"),
                Map.entry("+31 6 1234 56789 0", "is not a number that can exist for NL"),
                Map.entry("+31 6123 4567 8901 2345 678", "is too long"),
                Map.entry("+963 12", "is too short"),
                Map.entry("+31 0 1234 5678", "is not a number that can exist for NL"),
                Map.entry("+abc", "is not a phone number"),
                Map.entry("+", "is not a phone number"));
        for (Map.Entry<String, String> e : refused.entrySet()) {
            List<String> r = reasons("M-1,whatsapp," + e.getKey() + ",ar,,,,");
            assertEquals(1, r.size(), e.getKey() + ": " + r);
            assertTrue(r.get(0).startsWith("whatsapp_number '" + e.getKey() + "' " + e.getValue()), e.getKey() + ": " + r);
        }
        Map<String, String> stored = Map.of(
                "+963 944 123 456", "+963944123456",
                "+98 912 345 6789", "+989123456789",
                "+291 7 123 456", "+2917123456",
                "+380 50 123 4567", "+380501234567",
                "whatsapp:+31 6-1234 5678", "+31612345678");
        for (Map.Entry<String, String> e : stored.entrySet()) {
            MemberRows.Checked c = check(HEADER + "M-1,whatsapp," + e.getKey() + ",ar,,,,\n");
            assertEquals(List.of(), c.rejected(), e.getKey());
            assertEquals(e.getValue(), c.valid().get(0).number(), e.getKey());
        }
    }

    @Test
    void check_whenNumbersAreWrong_saysWhy() {
        assertTrue(reasons("M-1,whatsapp,0612345678,ar,,,,").get(0).contains("not an international number"));
        assertTrue(reasons("M-1,whatsapp,,ar,,,,").get(0).startsWith("whatsapp_number is required"));
        assertTrue(reasons("M-1,telegram,+31612345678,ar,,,,").get(0).contains("must be empty for telegram"));
        assertEquals(List.of("whatsapp_number '+31 6 12' is too short for NL"), reasons("M-1,whatsapp,+31 6 12,ar,,,,"));
        assertTrue(reasons(",whatsapp,+31612345678,,,,,").containsAll(List.of("member_id is required",
                "language is required (a BCP 47 tag such as ar, ti, fa-AF)")));
    }

    @Test
    void check_whenMemberIdsOrNumbersRepeat_rejectsTheLaterRows() {
        MemberRows.Checked c = check(HEADER
                + "M-1,whatsapp,+31612345678,ar,,,,\n"
                + "M-2,whatsapp,+31 612 345 678,ar,,,,\n"
                + "M-1,telegram,,ti,,,,\n");
        assertEquals(1, c.valid().size());
        assertEquals(List.of(new RowProblem(3, "M-2", List.of("whatsapp_number +31612345678 is also on line 2")),
                new RowProblem(4, "M-1", List.of("member_id 'M-1' is also on line 2"))), c.rejected());
    }

    @Test
    void check_whenAnAttributeIsTooLong_rejectsIt() {
        assertTrue(reasons("M-1,telegram,,ar,,,," + "x".repeat(201)).get(0).startsWith("arrival_year is longer"));
    }

    @Test
    void columns_whenHeaderIsWrong_listsEveryProblem() {
        ImportRejected e = assertThrows(ImportRejected.class, () -> MemberColumns.of(
                List.of("member_id", "Channel", "language", "region", "region", "phone", "", "arrival year")));
        assertEquals(400, e.status());
        assertEquals(List.of(
                new HeaderProblem("Channel", 2, "not a valid column: attribute names are lower-case letters, digits and _,"
                        + " start with a letter, at most 40 characters (write it as 'channel')"),
                new HeaderProblem("region", 5, "duplicate column (also column 4)"),
                new HeaderProblem("phone", 6, "'phone' would be personal data: attributes are for breakdowns"
                        + " (region, arrival_year, ...), never names, contact details or ids"),
                new HeaderProblem("", 7, "empty column name"),
                new HeaderProblem("arrival year", 8, "not a valid column: attribute names are lower-case letters,"
                        + " digits and _, start with a letter, at most 40 characters"),
                new HeaderProblem("channel", 0, "missing: the columns member_id, channel, whatsapp_number, language are required"),
                new HeaderProblem("whatsapp_number", 0, "missing: the columns member_id, channel, whatsapp_number, language are required")),
                e.problem().details());
    }

    @Test
    void columns_whenOptionalColumnsAreAbsent_haveNoPosition() {
        MemberColumns c = MemberColumns.of(List.of("language", "whatsapp_number", "channel", "member_id", "gender"));
        assertEquals(-1, c.timeZone());
        assertEquals(-1, c.consent());
        assertEquals(Map.of("gender", 4), c.attributes());
    }

    @Test
    void fields_normaliseAsDocumented() {
        assertEquals(Optional.of("+31612345678"), WhatsAppNumber.e164("whatsapp:+31 612345678"));
        assertEquals(Optional.of("+31612345678"), WhatsAppNumber.e164("+31\u00A06\u201312.34.56.78"));
        assertEquals(Optional.empty(), WhatsAppNumber.e164("0031612345678"));
        assertEquals(Optional.of("prs"), LanguageTag.normalise("prs"));
        assertEquals(Optional.of("sr-Latn-RS"), LanguageTag.normalise("SR-latn-rs"));
        assertEquals(Optional.empty(), LanguageTag.normalise("x-klingon"));
        assertEquals(Optional.empty(), LanguageTag.normalise("toolonglanguage"));
        assertEquals(Optional.empty(), LanguageTag.normalise("zz"), "well-formed, but no language");
        assertEquals(Optional.of("so"), LanguageTag.normalise("so"));
        assertEquals(Optional.of("uk"), LanguageTag.normalise("UK"));
        assertEquals(Optional.of("Africa/Asmara"), TimeZones.normalise("AFRICA/ASMARA"));
        assertEquals(Optional.empty(), TimeZones.normalise("+01:00"));
    }
}
