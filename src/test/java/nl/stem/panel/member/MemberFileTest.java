package nl.stem.panel.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.stem.api.StemException;

class MemberFileTest {

    static MemberFile read(String text) {
        return MemberFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_whenExcelWroteSemicolonsAndABom_findsTheHeaderAndRows() {
        MemberFile f = read("\uFEFFmember_id;channel;whatsapp_number;language\r\nM-1;whatsapp;+31 6 1234 5678;ar\r\n");
        assertEquals(List.of("member_id", "channel", "whatsapp_number", "language"), f.header());
        assertEquals(List.of(new MemberFile.Row(2, List.of("M-1", "whatsapp", "+31 6 1234 5678", "ar"))), f.rows());
    }

    @Test
    void read_whenCommas_splitsOnCommasAndKeepsSemicolonsInCells() {
        MemberFile f = read("member_id,region\nM-1,\"Utrecht; Zuilen\"\n");
        assertEquals(List.of("M-1", "Utrecht; Zuilen"), f.rows().get(0).cells());
    }

    @Test
    void read_whenBlankLinesAndQuotedLineBreaks_numbersRowsByTheLineTheyStartOn() {
        MemberFile f = read("member_id,note\n\nM-1,\"two\nlines\"\n   \n,\nM-2,x");
        assertEquals(2, f.rows().size());
        assertEquals(3, f.rows().get(0).line());
        assertEquals("two\nlines", f.rows().get(0).cell(1));
        // "   " is one blank cell, "," two: both skipped
        assertEquals(7, f.rows().get(1).line());
        assertEquals("", f.rows().get(1).cell(5), "a missing cell reads as empty");
    }

    @Test
    void read_whenCellsHaveSpaces_trimsThem() {
        assertEquals(List.of("M-1", "ar"), read("member_id , language\n  M-1 ,ar  \n").rows().get(0).cells());
    }

    @Test
    void read_whenNotUtf8_is400() {
        byte[] latin1 = "member_id,region\nM-1,Fryslân\n".getBytes(StandardCharsets.ISO_8859_1);
        StemException e = assertThrows(StemException.class, () -> MemberFile.read(latin1));
        assertEquals(400, e.status());
        assertEquals("not_utf8", e.code());
    }

    @Test
    void read_whenAQuoteIsNotClosed_is400() {
        StemException e = assertThrows(StemException.class, () -> read("member_id,region\nM-1,\"Utrecht\n"));
        assertEquals("malformed_csv", e.code());
    }

    @Test
    void read_whenEmpty_is400() {
        assertEquals("empty_file", assertThrows(StemException.class, () -> read("\uFEFF\n\n")).code());
    }
}
