package org.procsec.model;

import org.procsec.internal.names.VendorNames;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The value rules of a purchase request (docs/FORMATS.md), in one place: the JSON reader
 * ({@code RequestJson}) reports a broken rule with its JSON path, and the model's constructors
 * throw {@link IllegalArgumentException} naming the field, so a request built in code passes the
 * same checks as one read from JSON. Each check returns {@code null} when the value is fine, or
 * what is wrong with it, in words.
 */
public final class RequestRules {
    /** Most items in one request. */
    public static final int MAX_ITEMS = 100;
    /** Most sites in one request. */
    public static final int MAX_SITES = 100;
    /** Longest string value, in UTF-16 characters. */
    public static final int MAX_STRING = 2_000;
    /** Largest value in CAD. */
    public static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");
    /** Most decimals of a value. */
    public static final int MAX_VALUE_DECIMALS = 6;
    /** Most service visits a year. */
    public static final int MAX_VISITS = 100_000;

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private RequestRules() {
    }

    /** A string of at most {@link #MAX_STRING} characters; non-blank when {@code required}. */
    public static String text(String s, boolean required) {
        if (s == null) {
            return required ? "missing (expected a non-empty string)" : null;
        }
        if (required && s.isBlank()) {
            return "expected a non-empty string";
        }
        if (s.length() > MAX_STRING) {
            return "string of " + s.length() + " characters (expected at most " + MAX_STRING + ")";
        }
        return null;
    }

    /** An id or a department: something left once spaces and invisible characters are removed. */
    public static String visible(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !VendorNames.isInvisible(cp)) {
                return null;
            }
            i += Character.charCount(cp);
        }
        return "empty once spaces and invisible characters are removed (expected a non-empty string)";
    }

    /** An organisation's name: letters or digits left once normalised (POLICY 1.5 d). */
    public static String name(String s) {
        return VendorNames.hasWords(s) ? null : "\"" + abbreviate(s) + "\" is empty once normalised (expected a "
                + "name with letters or digits, POLICY 1.5 d)";
    }

    /** An ISO 3166 alpha-2 code in upper case. */
    public static String country(String code) {
        return ISO_COUNTRIES.contains(code) ? null : "unknown country \"" + abbreviate(code)
                + "\" (expected an ISO 3166 alpha-2 code in upper case, e.g. CA)";
    }

    /** A state-ownership share, 0..100. */
    public static String percent(double p) {
        return p >= 0 && p <= 100 ? null : "expected a number 0..100, got " + p;
    }

    /** A value in CAD: 0..{@link #MAX_VALUE} with at most {@link #MAX_VALUE_DECIMALS} decimals. */
    public static String value(BigDecimal v) {
        // Never toPlainString() here: 1e999999999 would be a billion digits.
        if (v.signum() < 0 || v.compareTo(MAX_VALUE) > 0
                || v.signum() != 0 && v.stripTrailingZeros().scale() > MAX_VALUE_DECIMALS) {
            return "expected a number 0.." + MAX_VALUE.toPlainString() + " with at most " + MAX_VALUE_DECIMALS
                    + " decimal places";
        }
        return null;
    }

    /** An integer in {@code min..max}. */
    public static String range(long n, long min, long max) {
        if (n >= min && n <= max) {
            return null;
        }
        return "expected an integer " + (max == Integer.MAX_VALUE ? ">= " + min : min + ".." + max) + ", got " + n;
    }

    /** A list with 1..{@code max} entries. */
    public static String entries(List<?> list, int max) {
        if (list.isEmpty()) {
            return "expected at least one entry";
        }
        return list.size() > max ? list.size() + " entries (expected at most " + max + ")" : null;
    }

    /** A manufacturer stated on an item: its role is MANUFACTURER. */
    public static String manufacturerRole(SupplierRole role) {
        return role == SupplierRole.MANUFACTURER ? null : "a manufacturer's role is MANUFACTURER, got \"" + role + "\"";
    }

    /** An item's manufacturer, which a supplier that is not the manufacturer must state (POLICY 1.4). */
    public static String manufacturerStated(SupplierRole supplierRole, Organisation manufacturer) {
        return manufacturer != null || supplierRole == SupplierRole.MANUFACTURER ? null
                : "required when supplier.role is " + supplierRole
                + " (POLICY 1.4: the manufacturer of each item is assessed)";
    }

    /** Long request text cut for a message. */
    public static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Throws when {@code problem} is not null: {@code field: problem}. */
    static void check(String field, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }
}
