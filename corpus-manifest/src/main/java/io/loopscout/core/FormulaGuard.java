package io.loopscout.core;

/**
 * The one guard against CSV formula injection, used by every CSV writer (OWASP's advice): a text cell that a
 * spreadsheet could read as a formula gets a leading {@code '}. That is a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return, also after leading whitespace ({@code " =cmd"}: spreadsheets trim
 * it before they look), and a cell that starts with {@code '} before such a cell, so {@link #unguard} is the exact
 * inverse of {@link #guard}.
 */
public final class FormulaGuard {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private FormulaGuard() {
    }

    /** {@code value} as a cell no spreadsheet runs as a formula; null becomes empty. */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return needsGuard(value) ? "'" + value : value;
    }

    /** A cell's value without the {@code '} that {@link #guard} added. */
    public static String unguard(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** True when a spreadsheet could take {@code value} for a formula (or it would be mistaken for a guarded one). */
    public static boolean needsGuard(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return true;
        }
        int i = 0;
        while (i < value.length() && isBlank(value.charAt(i))) {
            i++;
        }
        if (i > 0 && i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0) {
            return true;
        }
        return value.charAt(0) == '\'' && needsGuard(value.substring(1));
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
