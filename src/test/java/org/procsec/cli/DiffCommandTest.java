package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    static final String OLD = "examples/policy-change/rules-2019";
    static final String NEW = "src/main/resources/rules";

    @Test
    void sameRulesReportNoChangeAndPassTheGate() {
        CliRun r = CliRun.of("diff", "--base", NEW, "--head", NEW, "--as-of", "2026-11-22", "--fail-on-change",
                "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("requests: 9 assessed, 0 changed, 9 unchanged, 0 input errors")
                .doesNotContain("transitions:", "==");
    }

    @Test
    void textReportStartsWithTheSummaryThenEachChange() {
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("base: " + OLD + " (edition 2019.1, sha256:")
                .contains("\nhead: " + NEW + " (edition 2026.2, sha256:");
        assertThat(r.out().indexOf("transitions:")).isLessThan(r.out().indexOf("responsible rules"))
                .isLessThan(r.out().indexOf("\n== "));
        assertThat(r.out()).contains("  REFER -> REJECT: 5\n", "  + SEC-2.2-mission-security (2.2: MISSION_SECURITY): 2\n",
                "  decision: REFER -> REJECT\n", "  + CSE-4.1-data-capture (4.1) REFER: ",
                "what would clear it: none within reach",
                "rule files that differ:\n  2-classification.drl: changed, +20 -0 lines\n",
                "\nunchanged:\n  ESDC-2026-FURN-7 (esdc-office-chairs.json)\n");
    }

    @Test
    void itemsAreNamedItemsN_inEveryFormat() {
        for (String format : new String[] {"text", "json"}) {
            CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "--format", format,
                    "examples");
            assertThat(r.out()).as(format).contains("items[0].manufacturer Hangzhou Hikvision")
                    .containsPattern("items\\[0\\] \\(VIDEO_SURVEILLANCE\\)")
                    .doesNotContainPattern("\\bitem \\d");
        }
    }

    @Test
    void failOnChangeExitsOneWhenSomethingChanged() {
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--fail-on-change", "--no-counterfactuals",
                "examples");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("what would clear it");
    }

    @Test
    void jsonReportHasCountsTransitionsAndChanges() throws Exception {
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "--format", "json",
                "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.at("/counts/assessed").asInt()).isEqualTo(9);
        assertThat(root.at("/counts/changed").asInt()).isEqualTo(root.get("changes").size()).isPositive();
        assertThat(root.at("/head/edition").asText()).isEqualTo("2026.2");
        assertThat(root.at("/base/fingerprint").asText()).startsWith("sha256:");
        // Transitions and rules are objects: no string to split.
        JsonNode referReject = null;
        for (JsonNode t : root.get("transitions")) {
            assertThat(t.fieldNames()).toIterable().containsExactly("from", "to", "change", "count");
            if (t.get("from").asText().equals("REFER") && t.get("to").asText().equals("REJECT")) {
                referReject = t;
            }
        }
        assertThat(referReject).isNotNull();
        assertThat(referReject.get("count").asInt()).isEqualTo(5);
        assertThat(referReject.get("change").isNull()).isTrue();
        assertThat(root.get("transitions").toString()).contains(
                "{\"from\":\"REJECT\",\"to\":\"REJECT\",\"change\":\"findings changed\",\"count\":2}");
        JsonNode rule = root.at("/responsibleRules/added/0");
        assertThat(rule.fieldNames()).toIterable().containsExactly("ruleId", "clause", "title", "requests");
        assertThat(root.at("/responsibleRules/added").toString()).contains("{\"ruleId\":\"SEC-2.1-border-detection\","
                + "\"clause\":\"2.1\",\"title\":\"BORDER_DETECTION\",\"requests\":4}");
        assertThat(root.at("/responsibleRules/removed/0/ruleId").asText()).isEqualTo("LCY-7.1-review-at-renewal");
        JsonNode nuctech = null;
        JsonNode cleared = null;
        for (JsonNode c : root.get("changes")) {
            if (c.get("requestId").asText().equals("GAC-SO-2020-017")) {
                nuctech = c;
            }
            if (c.get("requestId").asText().equals("GAC-2026-0042")) {
                cleared = c;
            }
        }
        assertThat(nuctech).isNotNull();
        assertThat(nuctech.at("/transition/from").asText()).isEqualTo("REFER");
        assertThat(nuctech.at("/transition/to").asText()).isEqualTo("REJECT");
        assertThat(nuctech.at("/fields/decision/before").asText()).isEqualTo("REFER");
        assertThat(nuctech.at("/fields/decision/after").asText()).isEqualTo("REJECT");
        // Field values are JSON values, as in the assessment.
        assertThat(nuctech.at("/fields/sensitiveSectors/before").isArray()).isTrue();
        assertThat(nuctech.at("/fields/sensitiveSectors/before")).isEmpty();
        assertThat(nuctech.at("/fields/sensitiveSectors/after/0").asText()).isEqualTo("MISSION_SECURITY");
        assertThat(cleared.at("/fields/cseReviewRequired/before").isBoolean()).isTrue();
        assertThat(cleared.at("/fields/cseReviewRequired/after").booleanValue()).isTrue();
        assertThat(nuctech.get("whatWouldClear").isArray()).isTrue();
        assertThat(nuctech.get("whatWouldClear")).isEmpty();
        assertThat(root.get("unchangedRequests").toString()).isEqualTo("[\"ESDC-2026-FURN-7 (esdc-office-chairs.json)\"]");
        assertThat(root.at("/ruleFiles/0/path").asText()).isEqualTo("2-classification.drl");
        assertThat(root.at("/ruleFiles/0/status").asText()).isEqualTo("changed");
        assertThat(root.at("/ruleFiles/0/diff/0").asText()).isEqualTo("--- base/2-classification.drl");
    }

    @Test
    void htmlReportIsSelfContained(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("report.html");
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "--html",
                html.toString(), "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Document doc = Jsoup.parse(Files.readString(html));
        assertThat(doc.select("table.summary")).hasSize(1);
        assertThat(doc.select("table.summary").text()).contains("changed 8", "assessed 9", "base fingerprint sha256:",
                "head fingerprint sha256:", "edition 2019.1", "edition 2026.2");
        assertThat(doc.select("section.change")).hasSize(8);
        assertThat(doc.select("section.change").first().select("div.before, div.after")).hasSize(2);
        assertThat(doc.select("svg")).hasSize(1);
        assertThat(doc.select("svg rect")).hasSize(3);
        assertThat(doc.select("script, link, img, iframe, object, embed, video, audio, source, base")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getValue()).as(e.tagName() + "@" + a.getKey())
                        .doesNotStartWith("//").doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                        .doesNotContainIgnoringCase("url(");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).as("only links within the page").startsWith("#");
                    assertThat(doc.getElementById(a.getValue().substring(1))).as(a.getValue()).isNotNull();
                }
                assertThat(a.getKey()).as("no inline event handlers").doesNotStartWith("on");
            }
        }
        // Table of contents: every section and every changed request.
        assertThat(doc.select("nav.toc a").eachAttr("href")).contains("#summary", "#rule-files", "#transitions",
                "#rules", "#changes", "#unchanged", "#change-1", "#change-8", "#file-1");
        // The clause title beside each responsible rule.
        assertThat(doc.select("table.rules tr").text()).contains("SEC-2.1-border-detection 2.1 BORDER_DETECTION 4",
                "CLR-3.7-unclearable-country 3.7 Uncleared organisations: REJECT or REFER by country 5");
        // The rule lines that changed, as a unified diff.
        String udiff = doc.select("pre.udiff").first().text();
        assertThat(doc.select("#file-1").text()).contains("2-classification.drl");
        assertThat(udiff).contains("--- base/2-classification.drl", "+++ head/2-classification.drl", "@@ ")
                .contains("+rule \"SEC-2.1-border-detection");
        assertThat(doc.select("pre.udiff span.add").size()).isGreaterThanOrEqualTo(20);
        assertThat(doc.select("#rule-files").text()).isNotEmpty();
        assertThat(doc.select("pre.udiff").text()).contains("\"edition\": \"2026.2\"");
        // Unchanged requests by name; "(no findings)" where a side has none.
        assertThat(doc.select("ul.unchanged li").eachText()).containsExactly("ESDC-2026-FURN-7 (esdc-office-chairs.json)");
        assertThat(doc.select("div.before").eachText()).anyMatch(t -> t.contains("(no findings)"));
        assertThat(doc.select("div.before ul:empty, div.after ul:empty")).isEmpty();
    }

    @Test
    void htmlEscapesTheRuleFileDiff(@TempDir Path tmp) throws Exception {
        Path head = org.procsec.TestRules.copyBundled(tmp.resolve("head"));
        org.procsec.TestRules.edit(head.resolve("2-classification.drl"), "package org.procsec.rules;",
                "package org.procsec.rules;\n// </pre><script>alert(1)</script> & <b>bold</b>");
        Path html = tmp.resolve("r.html");
        CliRun r = CliRun.of("diff", "--base", NEW, "--head", head.toString(), "--no-counterfactuals", "--html",
                html.toString(), "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String page = Files.readString(html);
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("script, b")).isEmpty();
        assertThat(doc.select("pre.udiff span.add").text()).contains("+// </pre><script>alert(1)</script> & <b>bold</b>");
        assertThat(page).contains("&lt;/pre&gt;&lt;script&gt;");
        assertThat(r.out()).contains("rule files that differ:\n  2-classification.drl: changed, +1 -0 lines\n")
                .contains("requests: 9 assessed, 0 changed, 9 unchanged");
        assertThat(doc.select("ul.unchanged li")).hasSize(9);
        assertThat(doc.select("#changes + p.none").text()).isEqualTo("(none)");
    }

    @Test
    void htmlEscapesTextFromRequests(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("x.json"), Files.readString(Path.of("examples/gac-nuctech-standing-offer.json"))
                .replace("\"GAC-SO-2020-017\"", "\"<script>alert(1)</script>\""));
        Path html = tmp.resolve("r.html");
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "--html",
                html.toString(), corpus.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Document doc = Jsoup.parse(Files.readString(html));
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("section.change h3").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void corpusErrorsAreReportedAndOnlyAnAllBadCorpusIsBadInput(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("bad.json"), "{\"id\": 1}");
        CliRun allBad = CliRun.of("diff", "--base", NEW, "--head", NEW, corpus.toString());
        assertThat(allBad.exitCode()).isEqualTo(2);
        assertThat(allBad.err()).contains("no request could be read", "bad.json: id: ");

        Files.delete(corpus.resolve("bad.json"));
        Files.writeString(corpus.resolve("bad.json"), Files.readString(Path.of("examples/esdc-office-chairs.json"))
                .replace("\"value\": 48000", "\"value\": -1"));
        Files.copy(Path.of("examples/esdc-office-chairs.json"), corpus.resolve("good.json"));
        CliRun some = CliRun.of("diff", "--base", NEW, "--head", NEW, corpus.toString());
        assertThat(some.exitCode()).as(some.err()).isZero();
        assertThat(some.out()).contains("1 assessed, 0 changed, 1 unchanged, 1 input errors", "input errors:\n  bad.json: value: ");
        assertThat(some.err()).contains("1 corpus entries could not be read");
        CliRun gate = CliRun.of("diff", "--base", NEW, "--head", NEW, "--fail-on-change", corpus.toString());
        assertThat(gate.exitCode()).isEqualTo(1);
    }

    @Test
    void badOptionsAndBrokenRules(@TempDir Path tmp) throws Exception {
        assertThat(CliRun.of("diff", "--base", NEW, "--head", NEW, "--format", "xml", "examples").exitCode())
                .isEqualTo(2);
        CliRun missing = CliRun.of("diff", "--base", tmp.resolve("nope").toString(), "--head", NEW, "examples");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--base");
        assertThat(CliRun.of("diff", "--base", NEW, "--head", NEW, tmp.resolve("none").toString()).exitCode())
                .isEqualTo(2);
        Path broken = org.procsec.TestRules.copyBundled(tmp.resolve("broken"));
        Files.writeString(broken.resolve("2-classification.drl"), "rule \"oops\" when then nonsense(;\nend\n",
                java.nio.file.StandardOpenOption.APPEND);
        CliRun r = CliRun.of("diff", "--base", NEW, "--head", broken.toString(), "examples");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("2-classification.drl");
    }

    @Test
    void assessWhatWouldClearAddsTheEditSets() throws Exception {
        CliRun r = CliRun.of("assess", "--what-would-clear", "--as-of", "2026-11-22",
                "examples/pspc-hikvision-cameras.json", "examples/esdc-office-chairs.json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get(0).get("decision").asText()).isEqualTo("REJECT");
        assertThat(root.get(0).get("whatWouldClear").toString()).contains("Cleared Domestic Manufacturer");
        assertThat(root.get(1).get("whatWouldClear")).isEmpty();
        assertThat(root.get(0).has("policy")).isTrue();

        CliRun plain = CliRun.of("assess", "examples/esdc-office-chairs.json");
        assertThat(plain.out()).doesNotContain("whatWouldClear");
    }
}
