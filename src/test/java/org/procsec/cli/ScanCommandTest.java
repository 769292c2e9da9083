package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestEngines;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.internal.scan.PortfolioScanner;
import org.procsec.internal.scan.ScanSummary;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static String portfolio(int lines, long seed, double bad) {
        StringWriter w = new StringWriter();
        try {
            new PortfolioGenerator(seed, bad).write(lines, w);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    @Test
    void generator_isDeterministic_andMakesValidRequests() throws Exception {
        String a = portfolio(200, 42, 0);
        assertThat(portfolio(200, 42, 0)).isEqualTo(a);
        assertThat(portfolio(200, 43, 0)).isNotEqualTo(a);
        for (String line : a.split("\n")) {
            RequestJson.parse(line); // throws on an invalid request
        }
    }

    @Test
    void scanner_keepsInputOrder_onFourThreads_andMatchesOneByOne() {
        String in = portfolio(700, 5, 0.02);
        StringWriter out = new StringWriter();
        ScanSummary s = new PortfolioScanner(TestEngines.bundled(), TODAY, 4, null).scan(bytes(in), out);
        String[] inputs = in.split("\n");
        String[] outputs = out.toString().split("\n");
        assertThat(outputs).hasSize(inputs.length);
        long errors = 0;
        for (int i = 0; i < inputs.length; i++) {
            String expected;
            try {
                expected = org.procsec.internal.json.AssessmentNodes.compact(org.procsec.internal.json.AssessmentNodes.toNode(
                        TestEngines.bundled().assess(RequestJson.parse(inputs[i], new java.util.ArrayList<>()), TODAY)));
            } catch (org.procsec.model.InvalidRequestException e) {
                errors++;
                assertThat(outputs[i]).startsWith("{\"line\":" + (i + 1) + ",\"errors\":[");
                continue;
            }
            assertThat(outputs[i]).as("line %d", i + 1).isEqualTo("{\"line\":" + (i + 1) + "," + expected.substring(1));
        }
        assertThat(errors).isPositive();
        assertThat(s.lines()).isEqualTo(700);
        assertThat(s.inputErrors()).isEqualTo(errors);
        assertThat(s.assessed()).isEqualTo(700 - errors);
        assertThat(s.byDecision().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.assessed());
        assertThat(s.firstErrors().get(0).line()).isPositive();
    }

    @Test
    void summary_countsHoldings() {
        String in = String.join("\n", List.of(oneLine("examples/cbsa-contract-a.json"),
                oneLine("examples/gac-cleared-supplier.json"), "", oneLine("examples/esdc-office-chairs.json"))) + "\n";
        ScanSummary s = new PortfolioScanner(TestEngines.bundled(), TODAY, 2, null).scan(bytes(in), new StringWriter());
        assertThat(s.lines()).isEqualTo(4);
        assertThat(s.blankLines()).isEqualTo(1);
        assertThat(s.assessed()).isEqualTo(3);
        assertThat(s.toReplace()).isEqualTo(1);            // CBSA A: REJECT today
        assertThat(s.pastServiceLife()).isEqualTo(1);      // CBSA A: 2017 + 8 years
        assertThat(s.byDecision()).containsEntry("REJECT", 1L).containsEntry("APPROVE", 1L)
                .containsEntry("APPROVE_WITH_CONDITIONS", 1L);
    }

    static java.io.InputStream bytes(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String oneLine(String file) {
        try {
            return org.procsec.internal.json.AssessmentNodes.compact(JSON.readTree(Files.readString(Path.of(file))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cli_badLinesAreRecorded_andFailOnErrorExits2(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("p.jsonl");
        Files.writeString(in, oneLine("examples/esdc-office-chairs.json") + "\n{\"id\": 1}\n");
        Path out = tmp.resolve("out.jsonl");
        Path summary = tmp.resolve("summary.json");
        CliRun run = CliRun.of("scan", "--quiet", "--out", out.toString(), "--summary", summary.toString(), in.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("decision").asText()).isEqualTo("APPROVE");
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("errors").get(0).get("path").asText()).isEqualTo("id");
        JsonNode s = JSON.readTree(Files.readString(summary));
        assertThat(s.get("inputErrors").asInt()).isEqualTo(1);
        assertThat(s.at("/errors/0/line").asInt()).isEqualTo(2);

        CliRun strict = CliRun.of("scan", "--quiet", "--fail-on-error", "--out", out.toString(), in.toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("line 2: id: expected a string, got a number");
    }

    @Test
    void cli_stdinToStdout_withPlainProgressOffATerminal() {
        String in = portfolio(30, 9, 0);
        CliRun run = CliRun.withStdin(in, "scan", "--as-of", "2026-11-22", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().split("\n")).hasSize(30);
        assertThat(run.err()).contains("scanned 30 lines").contains("holdings (with --as-of)\n");
        assertThat(CliRun.of("scan", "--threads", "0", "-").exitCode()).isEqualTo(2);
    }

    @Test
    void cli_generate_writesTheRequestedLines(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("g.jsonl");
        assertThat(CliRun.of("generate", "--lines", "50", "--seed", "3", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(50);
    }
}
