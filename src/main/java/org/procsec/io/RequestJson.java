package org.procsec.io;

import org.procsec.internal.json.RequestReader;
import org.procsec.model.InvalidRequestException;
import org.procsec.model.PurchaseRequest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads purchase requests (docs/FORMATS.md) strictly: wrong types, unknown enum values, missing
 * required fields, out-of-range numbers, impossible dates, bytes that are not UTF-8, a reseller's
 * item without a manufacturer and inputs past the size limits are all reported, each with its JSON
 * path; nothing is silently defaulted beyond the defaults the format gives. Unknown keys are
 * ignored with a warning. Thread-safe.
 */
public final class RequestJson {
    /** Largest request document accepted, in characters. */
    public static final int MAX_DOCUMENT_CHARS = RequestReader.MAX_DOCUMENT_CHARS;
    /** Most items in a request. */
    public static final int MAX_ITEMS = RequestReader.MAX_ITEMS;
    /** Most site entries in a request. */
    public static final int MAX_SITES = RequestReader.MAX_SITES;
    /** Longest string value accepted. */
    public static final int MAX_STRING = RequestReader.MAX_STRING;
    /** Most entries in an item's {@code capabilities} (each value may repeat). */
    public static final int MAX_CAPABILITIES = RequestReader.MAX_CAPABILITIES;
    /** Largest {@code value} accepted, in CAD. */
    public static final BigDecimal MAX_VALUE = RequestReader.MAX_VALUE;
    /** Most decimal places of {@code value} (trailing zeros aside). */
    public static final int MAX_VALUE_DECIMALS = RequestReader.MAX_VALUE_DECIMALS;
    /** Most JSON values in a request document. */
    public static final int MAX_VALUES = RequestReader.MAX_VALUES;
    /** Most unknown-key warnings listed for one request; the rest are counted in one more warning. */
    public static final int MAX_WARNINGS = RequestReader.MAX_WARNINGS;

    private RequestJson() {
    }

    /** Reads one request; unknown keys are logged as warnings (logger {@code org.procsec.io.RequestJson}). */
    public static PurchaseRequest parse(String json) throws InvalidRequestException {
        return RequestReader.parse(json);
    }

    /** Reads one request, adding a warning per ignored unknown key to {@code warnings}. */
    public static PurchaseRequest parse(String json, List<String> warnings) throws InvalidRequestException {
        return RequestReader.parse(json, warnings);
    }

    /**
     * Reads one request from UTF-8 bytes, strictly: bytes that are not UTF-8 (invalid or overlong
     * encodings, encoded surrogates) are an {@link InvalidRequestException} with their line, column
     * and byte offset, never replaced. Adds a warning per ignored unknown key to {@code warnings}.
     */
    public static PurchaseRequest parse(byte[] utf8, List<String> warnings) throws InvalidRequestException {
        return RequestReader.parse(utf8, warnings);
    }
}
