package org.procsec.testkit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A suite report as JUnit XML (the Ant/Surefire schema CI systems read): one {@code testsuites} root,
 * one {@code testsuite}, one {@code testcase} per scenario with its {@code time} in seconds, a
 * {@code failure} element for each failed scenario and an {@code error} element for each file that could
 * not be read. With a coverage minimum, one more test case ({@code classname="coverage"}) fails when the
 * coverage is below it. Characters XML 1.0 cannot hold (control characters from a request) are written as
 * {@code \}{@code uXXXX}.
 */
public final class SuiteJUnitXml {
    private SuiteJUnitXml() {
    }

    /**
     * The XML document.
     *
     * @param report      the results
     * @param suiteName   the test suite's name (e.g. the scenario directory)
     * @param coverageMin the coverage minimum in percent, or null for no coverage test case
     * @param properties  name/value pairs written as the suite's properties (e.g. the rules fingerprint)
     */
    public static String render(SuiteReport report, String suiteName, Double coverageMin,
                                java.util.Map<String, String> properties) {
        boolean coverageFails = coverageMin != null && report.coveragePercent() + 1e-9 < coverageMin;
        int tests = report.results().size() + (coverageMin == null ? 0 : 1);
        long errors = report.broken();
        long failures = report.failed() - errors + (coverageFails ? 1 : 0);
        String time = seconds(report.nanos());
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            attrs(x, "name", "procsec", "tests", "" + tests, "failures", "" + failures, "errors", "" + errors,
                    "time", time);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            attrs(x, "name", clean(suiteName), "tests", "" + tests, "failures", "" + failures, "errors", "" + errors,
                    "skipped", "0", "time", time);
            if (!properties.isEmpty()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                for (var p : properties.entrySet()) {
                    x.writeCharacters("\n      ");
                    x.writeEmptyElement("property");
                    attrs(x, "name", clean(p.getKey()), "value", clean(p.getValue()));
                }
                x.writeCharacters("\n    ");
                x.writeEndElement();
            }
            for (ScenarioResult r : report.results()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                attrs(x, "name", clean(r.name()), "classname", clean(r.file()), "file", clean(r.file()),
                        "time", seconds(r.nanos()));
                if (!r.passed()) {
                    x.writeCharacters("\n      ");
                    x.writeStartElement(r.broken() ? "error" : "failure");
                    attrs(x, "message", clean(String.join("; ", r.differences())),
                            "type", r.broken() ? "ScenarioFileError" : "ScenarioMismatch");
                    x.writeCharacters(clean(org.procsec.testkit.ProcsecScenarios.describe(r)));
                    x.writeEndElement();
                    x.writeCharacters("\n    ");
                }
                x.writeEndElement();
            }
            if (coverageMin != null) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                attrs(x, "name", "rule coverage >= " + coverageMin + "%", "classname", "coverage", "time", "0.000");
                if (coverageFails) {
                    String m = String.format(Locale.ROOT, "rule coverage %.1f%% is below %s%%",
                            report.coveragePercent(), coverageMin);
                    x.writeCharacters("\n      ");
                    x.writeStartElement("failure");
                    attrs(x, "message", m, "type", "CoverageBelowMinimum");
                    x.writeCharacters(m + "\nrules no scenario fired:\n" + report.unfiredRules().stream()
                            .map(u -> "  " + u.id() + " (clause " + u.clause() + ") " + u.file() + ":" + u.line())
                            .collect(Collectors.joining("\n")));
                    x.writeEndElement();
                    x.writeCharacters("\n    ");
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML", e);
        }
        return text.toString();
    }

    private static void attrs(XMLStreamWriter x, String... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            x.writeAttribute(pairs[i], pairs[i + 1]);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** {@code text} with every character XML 1.0 cannot hold written as a backslash, u and four hex digits. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }
}
