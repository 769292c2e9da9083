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
        assertThat(r.out()).startsWith("base: " + OLD + " (edition 2019.1)\nhead: " + NEW + " (edition 2026.2)\n");
        assertThat(r.out().indexOf("transitions:")).isLessThan(r.out().indexOf("responsible rules"))
                .isLessThan(r.out().indexOf("\n== "));
        assertThat(r.out()).contains("  REFER -> REJECT: 5\n", "  + SEC-2.2-mission-security (2.2): 2\n",
                "  decision: REFER -> REJECT\n", "  + CSE-4.1-data-capture (4.1) REFER: ",
                "what would clear it: none within reach");
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
        assertThat(root.at("/transitions").get("REFER -> REJECT").asInt()).isEqualTo(5);
        assertThat(root.at("/head/edition").asText()).isEqualTo("2026.2");
        JsonNode nuctech = null;
        for (JsonNode c : root.get("changes")) {
            if (c.get("requestId").asText().equals("GAC-SO-2020-017")) {
                nuctech = c;
            }
        }
        assertThat(nuctech).isNotNull();
        assertThat(nuctech.at("/fields/decision/before").asText()).isEqualTo("REFER");
        assertThat(nuctech.at("/fields/decision/after").asText()).isEqualTo("REJECT");
        assertThat(nuctech.get("whatWouldClear").isArray()).isTrue();
        assertThat(nuctech.get("whatWouldClear")).isEmpty();
    }

    @Test
    void htmlReportIsSelfContained(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("report.html");
        CliRun r = CliRun.of("diff", "--base", OLD, "--head", NEW, "--as-of", "2026-11-22", "--html",
                html.toString(), "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Document doc = Jsoup.parse(Files.readString(html));
        assertThat(doc.select("table#summary")).hasSize(1);
        assertThat(doc.select("table#summary").text()).contains("changed 8", "assessed 9");
        assertThat(doc.select("section.change")).hasSize(8);
        assertThat(doc.select("section.change").first().select("div.before, div.after")).hasSize(2);
        assertThat(doc.select("svg")).hasSize(1);
        assertThat(doc.select("svg rect")).hasSize(3);
        assertThat(doc.select("script")).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getValue()).as(e.tagName() + "@" + a.getKey())
                        .doesNotStartWith("//").doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:");
            }
        }
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
