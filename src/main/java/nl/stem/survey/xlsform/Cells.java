package nl.stem.survey.xlsform;

/** Spreadsheet cell names: column letters and references such as {@code F14}. */
public final class Cells {
    private Cells() {
    }

    /** 1 is A, 26 is Z, 27 is AA. */
    public static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        int n = column;
        while (n > 0) {
            int r = (n - 1) % 26;
            b.append((char) ('A' + r));
            n = (n - 1) / 26;
        }
        return b.reverse().toString();
    }

    /** The 1-based column of a reference's letters ({@code F14} is 6), or -1 when it has none or too many. */
    public static int columnOf(String ref) {
        int n = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z' || i >= 4) {
                return -1;
            }
            n = n * 26 + (c - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : n;
    }

    /** The 1-based row of a reference ({@code F14} is 14), or -1. */
    public static int rowOf(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        if (i >= ref.length() || ref.length() - i > 9) {
            return -1;
        }
        try {
            return Integer.parseInt(ref.substring(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
