package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestRules;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    private static Path copyScenario(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.copy(SCENARIOS.resolve("shared").resolve(name), target);
        return target;
    }

    @Test
    void projectScenarios_allPass_withFullRuleCoverage() {
        CliRun run = CliRun.of("test", "--coverage-min", "100", SCENARIOS.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$").contains("rule coverage: 100.0%");
    }

    @Test
    void failure_showsExpectedAgainstActual_andFindings_exit1(@TempDir Path tmp) throws Exception {
        Path file = copyScenario(tmp, "esdc-office-chairs.json");
        Files.writeString(file, Files.readString(file).replace("\"decision\": \"APPROVE\"", "\"decision\": \"REJECT\""));
        copyScenario(tmp, "gac-cleared-supplier-2026.json");
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL esdc-office-chairs.json: Office chairs: nothing to see")
                .contains("decision: expected \"REJECT\", got \"APPROVE\"")
                .contains("findings:")
                .containsPattern("(?m)^1 passed, 1 failed$")
                .contains("rules no scenario fired:")
                .contains("CLR-3.7-unclearable-country (clause 3.7) 3-clearance.drl:");
        assertThat(run.out()).doesNotContain("PASS gac");
        assertThat(CliRun.of("test", "-v", tmp.toString()).out()).contains("PASS gac-cleared-supplier-2026.json");
    }

    @Test
    void coverageMin_failsBelowThreshold() throws Exception {
        CliRun run = CliRun.of("test", "--coverage-min", "90", SCENARIOS.resolve("shared").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^12 passed, 0 failed$").contains("is below --coverage-min 90");
    }

    @Test
    void runPattern_andJsonFormat() throws Exception {
        CliRun run = CliRun.of("test", "--run", "hikvision", "--format", "json", SCENARIOS.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/summary/passed").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/failed").asInt()).isZero();
        assertThat(report.get("results").get(0).get("firedRules").toString()).contains("SEC-2.4-facility-surveillance");
        assertThat(report.at("/coverage/unfiredRules").size()).isPositive();
    }

    @Test
    void expectError_scenario_passesOnTheNamedPath() {
        CliRun run = CliRun.of("test", "--run", "bad-unknown-category", SCENARIOS.toString());
        assertThat(run.out()).containsPattern("(?m)^1 passed, 0 failed$");
    }

    @Test
    void brokenFile_isOneFailure_andTheRestStillRun_exit2(@TempDir Path tmp) throws Exception {
        copyScenario(tmp, "esdc-office-chairs.json");
        copyScenario(tmp, "gac-cleared-supplier-2026.json");
        Files.writeString(tmp.resolve("broken.json"), "{\"name\": \"x\"}");
        Files.writeString(tmp.resolve("not-json.json"), "{\"name\": ");
        Files.writeString(tmp.resolve("empty-expect.json"), Files.readString(tmp.resolve("esdc-office-chairs.json"))
                .replaceAll("(?s)\"expect\": \\{.*?\\}", "\"expect\": {}"));
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("FAIL broken.json: broken.json\n  scenario file: request: missing")
                .contains("FAIL not-json.json").contains("invalid JSON (line 1, column")
                .contains("FAIL empty-expect.json").contains("asserts nothing")
                .containsPattern("(?m)^2 passed, 3 failed \\(3 not a valid scenario file\\)$");
    }

    @Test
    void emptyExpect_withoutExpectFindings_isAnError(@TempDir Path tmp) throws Exception {
        Path file = copyScenario(tmp, "esdc-office-chairs.json");
        Files.writeString(file, Files.readString(file).replaceAll("(?s)\"expect\": \\{.*?\\}", "\"expect\": {}"));
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("expect: empty and no expectFindings: the scenario asserts nothing")
                .containsPattern("(?m)^0 passed, 1 failed");
    }

    @Test
    void runPattern_matchingNothing_isBadInput() {
        CliRun run = CliRun.of("test", "--run", "zzz", SCENARIOS.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--run zzz: matches none of the").contains("scenario files");
        assertThat(run.out()).doesNotContain("passed");
    }

    @Test
    void noScenarioFiles_isBadInput(@TempDir Path tmp) {
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no scenario files");
    }

    @Test
    void coverageMin_outsideZeroToHundred_isBadInput() {
        for (String bad : new String[] {"150", "-5", "NaN"}) {
            CliRun run = CliRun.of("test", "--coverage-min", bad, SCENARIOS.resolve("shared").toString());
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err()).contains("--coverage-min: expected a percentage from 0 to 100");
        }
        assertThat(CliRun.of("test", "--coverage-min", "0", SCENARIOS.resolve("shared").toString()).exitCode())
                .isZero();
    }

    @Test
    void editedRules_canBreakAScenario(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        TestRules.edit(rules.resolve("reference/prohibited-vendors.json"), "\"2025-06-27\"", "\"2027-01-01\"");
        CliRun run = CliRun.of("test", "--rules", rules.toString(), "--run", "hikvision-cameras-today",
                SCENARIOS.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("prohibited: expected true, got false");
    }

    private static org.w3c.dom.Document parseXml(String xml) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    }

    @Test
    void junitFormat_isValidJUnitXml_oneTestcasePerScenario_withTimesAndFailures(@TempDir Path tmp) throws Exception {
        Path chairs = copyScenario(tmp, "esdc-office-chairs.json");
        Files.writeString(chairs, Files.readString(chairs).replace("\"decision\": \"APPROVE\"", "\"decision\": \"REJECT\"")
                .replace("Office chairs: nothing to see", "Office <chairs> & \\u0001 \\\"quotes\\\""));
        copyScenario(tmp, "gac-cleared-supplier-2026.json");
        Files.writeString(tmp.resolve("broken.json"), "[]");
        CliRun run = CliRun.of("test", "--format", "junit", "--coverage-min", "100", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        org.w3c.dom.Document doc = parseXml(run.out());
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        var suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(1);
        org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isPositive();
        var cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        java.util.Map<String, org.w3c.dom.Element> byClass = new java.util.HashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
            assertThat(c.getParentNode()).isSameAs(suite);
            assertThat(Double.parseDouble(c.getAttribute("time"))).isGreaterThanOrEqualTo(0);
            byClass.put(c.getAttribute("classname"), c);
        }
        org.w3c.dom.Element failed = byClass.get("esdc-office-chairs.json");
        assertThat(failed.getAttribute("name")).isEqualTo("Office <chairs> & \u0001 \"quotes\"".replace("\u0001", "\\u0001"));
        org.w3c.dom.Element failure = (org.w3c.dom.Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("decision: expected \"REJECT\", got \"APPROVE\"");
        assertThat(failure.getTextContent()).contains("findings:");
        assertThat(byClass.get("gac-cleared-supplier-2026.json").getChildNodes().getLength()).isZero();
        assertThat(Double.parseDouble(byClass.get("gac-cleared-supplier-2026.json").getAttribute("time"))).isPositive();
        assertThat(byClass.get("broken.json").getElementsByTagName("error").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).contains("expected a scenario object");
        assertThat(byClass.get("coverage").getElementsByTagName("failure").getLength()).isEqualTo(1);
        var props = suite.getElementsByTagName("property");
        assertThat(props.getLength()).isPositive();
        assertThat(run.out()).contains("name=\"rulesFingerprint\" value=\"sha256:");
    }

    @Test
    void junitFormat_allPassing_hasNoFailureElements() throws Exception {
        CliRun run = CliRun.of("test", "--format", "junit", SCENARIOS.resolve("shared").toString());
        assertThat(run.exitCode()).isZero();
        org.w3c.dom.Document doc = parseXml(run.out());
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(12);
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void watch_rerunsInTheSameJvm_onAScenarioChange_andStopsWhenInterrupted(@TempDir Path tmp) throws Exception {
        Path file = copyScenario(tmp, "esdc-office-chairs.json");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = ProcsecCli.run(new String[] {"test", "--watch", "--watch-interval-ms",
                "50", tmp.toString()}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                java.io.InputStream.nullInputStream()));
        t.start();
        try {
            awaitOutput(out, "1 passed, 0 failed", 1);
            Files.writeString(file, Files.readString(file).replace("\"decision\": \"APPROVE\"", "\"decision\": \"REJECT\""));
            awaitOutput(out, "0 passed, 1 failed", 1);
            assertThat(out.toString()).contains("--- files changed: running again ---");
            Files.writeString(file, "{");
            awaitOutput(out, "0 passed, 1 failed", 2);
            assertThat(t.isAlive()).isTrue();
        } finally {
            t.interrupt();
            t.join(10_000);
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(code[0]).isEqualTo(2);
    }

    @Test
    void watch_rerunsOnARuleChange_andKeepsWatchingPastARuleSetThatDoesNotBuild(@TempDir Path tmp) throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        copyScenario(scenarios, "pspc-hikvision-cameras-today.json");
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Thread t = new Thread(() -> ProcsecCli.run(new String[] {"test", "--watch", "--watch-interval-ms", "50",
                "--rules", rules.toString(), scenarios.toString()}, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true), java.io.InputStream.nullInputStream()));
        t.start();
        try {
            awaitOutput(out, "1 passed, 0 failed", 1);
            Path drl = rules.resolve("5-prohibitions.drl");
            String good = Files.readString(drl);
            Files.writeString(drl, good.replaceFirst("then", "then )("));
            awaitOutput(err, "(watching for changes)", 1);
            assertThat(err.toString()).contains(drl.getFileName().toString());
            TestRules.edit(rules.resolve("reference/prohibited-vendors.json"), "\"2025-06-27\"", "\"2099-01-01\"");
            Files.writeString(drl, good);
            awaitOutput(out, "0 passed, 1 failed", 1);
            assertThat(out.toString()).contains("prohibited: expected true, got false");
        } finally {
            t.interrupt();
            t.join(10_000);
        }
        assertThat(t.isAlive()).isFalse();
    }

    private static void awaitOutput(java.io.StringWriter out, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String s = out.toString();
            int n = 0;
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
            }
            if (n >= times) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + text + "\" x" + times + " in: " + out);
    }

    @Test
    void expectFindings_failsAScenarioThatPassesForTheWrongReason(@TempDir Path tmp) throws Exception {
        // The GAC mission scanners, bought from Hikvision instead of Nuctech: REJECTed twice over, as a
        // prohibited vendor (5.1) and as an uncleared supplier from a country without an instrument (3.7).
        String text = Files.readString(SCENARIOS.resolve("shared/gac-nuctech-standing-offer-today.json"))
                .replace("Nuctech Company Limited", "Hangzhou Hikvision Digital Technology Co., Ltd.");
        com.fasterxml.jackson.databind.node.ObjectNode s =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(text);
        s.set("expect", new ObjectMapper().readTree("{\"decision\": \"REJECT\"}"));
        s.remove("expectFindings");
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("decision-only.json"), s.toString());
        s.set("expectFindings", new ObjectMapper().readTree("[\"PRH-5.1-prohibited-vendor\"]"));
        Files.writeString(scenarios.resolve("pinned.json"), s.toString());
        // Bundled rules: both pass.
        CliRun bundled = CliRun.of("test", scenarios.toString());
        assertThat(bundled.exitCode()).as(bundled.out()).isZero();
        // Rules where Hikvision is not (yet) prohibited: still REJECT, now only by 3.7.
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        TestRules.edit(rules.resolve("reference/prohibited-vendors.json"), "\"2025-06-27\"", "\"2099-01-01\"");
        CliRun run = CliRun.of("test", "--rules", rules.toString(), "-v", scenarios.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("PASS decision-only.json")
                .contains("FAIL pinned.json")
                .contains("expectFindings: expected a finding of PRH-5.1-prohibited-vendor, got none (findings: "
                        + "CLR-3.7-unclearable-country")
                .containsPattern("(?m)^1 passed, 1 failed$");
    }

    @Test
    void expectFindings_malformed_isABrokenFile(@TempDir Path tmp) throws Exception {
        Path file = copyScenario(tmp, "gac-cleared-supplier-2026.json");
        Files.writeString(file, Files.readString(file).replace("\"CND-6.3-data-retention-limit\"", "\"6.3 retention\""));
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("expectFindings[0]: expected a rule id");
    }
}
