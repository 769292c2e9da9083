package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.RuleDirs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The "done when" of issue 12, run as a user runs the CLI: a JVM of its own per command. */
class ForkedScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String run(Process p, long seconds) throws Exception {
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("finished within %d s", seconds).isTrue();
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(120)
    void scan_underXmx256m_givesOneRecordPerNonBlankLine_whateverTheLinesHold() throws Exception {
        String chairs = ScanCommandTest.oneLine("examples/esdc-office-chairs.json");
        Path in = tmp.resolve("portfolio.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write((chairs + "\n").getBytes(StandardCharsets.UTF_8));                              // 1
            byte[] bad = (chairs + "\n").getBytes(StandardCharsets.UTF_8);
            bad[30] = (byte) 0xC0;                                                                 // 2 invalid byte
            o.write(bad);
            o.write((chairs.replace(",\"", ",\r\"") + "\n").getBytes(StandardCharsets.UTF_8));   // 3 embedded CRs
            o.write("\n".getBytes(StandardCharsets.UTF_8));                                        // 4 blank
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            o.write("{\"id\": \"".getBytes(StandardCharsets.UTF_8));                              // 5 a 300 MiB line
            for (int i = 0; i < 300; i++) {
                o.write(block);
            }
            o.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            o.write((chairs + "\n").getBytes(StandardCharsets.UTF_8));                              // 6
        }
        Path out = tmp.resolve("out.jsonl");
        Process p = ForkedCli.command(List.of("-Xmx256m"), "scan", "--quiet", "--threads", "2", "--out", out.toString(),
                in.toString()).start();
        String err = run(p, 100);
        assertThat(p.exitValue()).as(err).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 5, 6);
        assertThat(records.get(0).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(records.get(1).at("/errors/0/message").asText()).startsWith("invalid UTF-8 at line 1, column 31");
        assertThat(records.get(2).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(records.get(3).at("/errors/0/message").asText()).startsWith("line of " + (300L * (1 << 20) + 10)
                + " bytes (expected at most ");
        assertThat(records.get(4).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(err).containsPattern("\n  blank lines +1\n").doesNotContain("Exception", "OutOfMemory");
    }

    @Test
    @Timeout(120)
    void scan_intoAPipeClosedAfterOneLine_exits4_promptly() throws Exception {
        Path in = tmp.resolve("portfolio.jsonl");
        Files.writeString(in, ScanIntegrityCliTest.portfolio(8000, 5, 0));
        Process p = ForkedCli.command(List.of(), "scan", "--quiet", "--threads", "1", in.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("{\"line\":1,");
        out.close(); // as `| head -1` does
        String err = run(p, 100);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.OUTPUT_FAILED);
        Matcher m = Pattern.compile("^stdout: cannot write: the reading end was closed \\(broken pipe\\) \\(at the record"
                + " of line (\\d+)\\); the output is incomplete\n$").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("stopped at line").isLessThan(2000);
    }

    @Test
    @Timeout(120)
    void scan_killedWithSigkill_andResumed_givesTheUninterruptedFile() throws Exception {
        Path in = tmp.resolve("portfolio.jsonl");
        Files.writeString(in, ScanIntegrityCliTest.portfolio(1500, 9, 0.01));
        Path out = tmp.resolve("out.jsonl");
        Process p = ForkedCli.command(List.of(), "scan", "--quiet", "--threads", "1", "--as-of", "2026-11-22", "--out",
                out.toString(), in.toString()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((!Files.exists(out) || Files.size(out) == 0) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed, not finished").isNotZero();
        long killedAt = Files.size(out);
        assertThat(killedAt).isPositive();

        Path reference = tmp.resolve("reference.jsonl");
        assertThat(CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", reference.toString(), in.toString())
                .exitCode()).isZero();
        byte[] expected = Files.readAllBytes(reference);
        assertThat(killedAt).isLessThan(expected.length);

        CliRun resumed = CliRun.of("scan", "--as-of", "2026-11-22", "--out", out.toString(), "--resume", in.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).startsWith("resuming: ").contains("scanned 1,500 lines (");
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
    }

    /** Request text that tries to start a decision-log line of its own, clear the screen and reverse the text. */
    private static final String FORGE = "\\nINFO org.procsec.decisions - request FAKE decision APPROVE findings 0 asOf"
            + " 2026-01-01 rules sha256:0\\r\\u001b[2J\\u2028\\u202e\\u0085";

    @Test
    @Timeout(120)
    void noRequestField_canForgeALogLine_orReachTheTerminalRaw() throws Exception {
        // A rule that throws with request text in its message: the Evaluator's WARN and DEBUG lines.
        Path rules = RuleDirs.bundledPlus(tmp.resolve("rules"), "9-test-crash.drl", RuleDirs.HEADER + """
                rule "SEC-2.6-test-crash-with-request-text the then-block throws, quoting the request"
                when
                    $p : Party(supplier)
                    $u : Purchase()
                then
                    throw new IllegalStateException("cannot handle " + $p.name() + " in " + $u.id());
                end
                """);
        String request = Files.readString(Path.of("examples/esdc-office-chairs.json"))
                .replace("\"id\": \"ESDC-2026-FURN-7\"", "\"id\": \"X" + FORGE + "\", \"k" + FORGE + "\": 1")
                .replace("\"title\": \"", "\"title\": \"" + FORGE)
                .replaceFirst("\"name\": \"", Matcher.quoteReplacement("\"name\": \"Acme" + FORGE))
                .replace("\"description\": \"", "\"description\": \"" + FORGE);
        Path file = Files.writeString(tmp.resolve("forged.json"), request);
        Path portfolio = Files.writeString(tmp.resolve("forged.jsonl"),
                ScanCommandTest.oneLine(file.toString()) + "\n" + ScanCommandTest.oneLine(file.toString())
                        .replace("\"OTHER\"", "\"OTHER" + FORGE + "\"") + "\n");
        List<String> logAll = List.of("-Dorg.slf4j.simpleLogger.log.org.procsec=debug");

        Process assess = ForkedCli.command(logAll, "assess", "--explain", "--rules", rules.toString(), file.toString())
                .start();
        String stdout = new String(assess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = run(assess, 100);
        assertThat(assess.exitValue()).as(err).isZero();
        assertThat(JSON.readTree(stdout).get("decision").asText()).isEqualTo("REFER"); // the crash: never APPROVE
        checkNoForgery(err);
        assertThat(err.lines().filter(l -> l.startsWith("INFO org.procsec.decisions - request "))).hasSize(1);
        assertThat(err).contains("INFO org.procsec.decisions - request X\\u000aINFO org.procsec.decisions - request FAKE")
                .contains("WARN org.procsec.io.RequestJson - request X\\u000aINFO")
                .contains(": k\\u000aINFO org.procsec.decisions")
                .contains("WARN org.procsec.internal.engine.Evaluator - request X\\u000aINFO")
                .contains("evaluation failed: IllegalStateException: cannot handle Acme\\u000aINFO")
                .contains("DEBUG org.procsec.internal.engine.Evaluator - request X")   // the stack trace, at DEBUG only
                .contains("\tat org.drools.")
                .contains("request X\\u000aINFO org.procsec.decisions - request FAKE").contains("\\u001b[2J\\u2028\\u202e\\u0085")
                .containsPattern("(?m)^ +1\\. "); // --explain: one line per firing
        assertThat(err.lines().filter(l -> l.startsWith("WARN org.procsec.internal.engine.Evaluator"))).hasSize(1);

        // scan, with the decision log on and otherwise the CLI's levels: the rule's failure is one WARN line.
        Process scan = ForkedCli.command(List.of("-Dorg.slf4j.simpleLogger.log.org.procsec.decisions=info"), "scan",
                "--rules", rules.toString(), "--out", tmp.resolve("o.jsonl").toString(), portfolio.toString()).start();
        String scanErr = run(scan, 100);
        assertThat(scan.exitValue()).as(scanErr).isZero();
        checkNoForgery(scanErr);
        assertThat(scanErr).contains("unknown value \"OTHER\\u000aINFO org.procsec.decisions - request FAKE");
        assertThat(scanErr.lines().filter(l -> l.startsWith("INFO org.procsec.decisions - request "))).hasSize(1);
        assertThat(scanErr.lines().filter(l -> l.startsWith("WARN org.procsec.internal.engine.Evaluator - request X"))).hasSize(1);
        assertThat(scanErr).doesNotContain("\tat ", "DEBUG");
    }

    private static void checkNoForgery(String err) {
        for (String line : err.split("\n", -1)) {
            assertThat(line).doesNotStartWith("INFO org.procsec.decisions - request FAKE")
                    .doesNotContain("\r", "\u001b", "\u2028", "\u202e", "\u0085");
        }
    }
}
