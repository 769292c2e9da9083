package org.procsec.review;

/**
 * One outcome field that differs between the two rule sets.
 *
 * @param field  the assessment field, e.g. {@code decision}
 * @param before its value under base, as text
 * @param after  its value under head, as text
 */
public record FieldChange(String field, String before, String after) {
}
