package org.procsec.ruleset;

/**
 * A rule of a compiled rule set.
 *
 * @param id     rule id, e.g. {@code CLR-3.7-unclearable-country}
 * @param name   full rule name
 * @param clause clause it cites
 * @param file   DRL file, relative to the rule directory
 * @param line   line of its {@code rule} header
 */
public record RuleInfo(String id, String name, String clause, String file, int line) {
}
