package nl.stem.dashboard;

/**
 * Reads figures out of the dashboard's server-rendered tables, for tests. Example:
 * {@code Html.cell(page, "funnel", "invited", "count")} is the text of
 * {@code <table id="funnel">...<tr data-key="invited">...<td data-field="count">23</td>}.
 */
final class Html {
    private Html() {
    }

    static String cell(String html, String table, String key, String field) {
        int t = html.indexOf("<table id=\"" + table + "\"");
        if (t < 0) {
            throw new AssertionError("no table " + table);
        }
        int end = html.indexOf("</table>", t);
        int row = html.indexOf("<tr data-key=\"" + key + "\"", t);
        if (row < 0 || row > end) {
            throw new AssertionError("no row " + key + " in table " + table);
        }
        int rowEnd = html.indexOf("</tr>", row);
        int c = html.indexOf("data-field=\"" + field + "\">", row);
        if (c < 0 || c > rowEnd) {
            throw new AssertionError("no cell " + field + " in row " + key + " of table " + table);
        }
        int start = c + ("data-field=\"" + field + "\">").length();
        return html.substring(start, html.indexOf('<', start)).strip();
    }

    /** The keys of a table's rows, in order. */
    static java.util.List<String> rowKeys(String html, String table) {
        int t = html.indexOf("<table id=\"" + table + "\"");
        int end = html.indexOf("</table>", t);
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int i = html.indexOf("<tr data-key=\"", t); i >= 0 && i < end; i = html.indexOf("<tr data-key=\"", i + 1)) {
            int s = i + "<tr data-key=\"".length();
            keys.add(html.substring(s, html.indexOf('"', s)));
        }
        return keys;
    }
}
