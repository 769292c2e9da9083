package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.internal.scan.PortfolioGenerator;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** scan from the command line: outputs checked first, write failures, resume, progress and summary (issue 12.2-12.4). */
class ScanIntegrityCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static String portfolio(int lines, long seed, double bad) {
        StringWriter w = new StringWriter();
        try {
            new PortfolioGenerator(seed, bad).write(lines, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** A stdin that fails the test if it is read. */
    static final InputStream UNREAD = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("stdin was read");
        }
    };

    static CliRun run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(args, new PrintWriter(out), new PrintWriter(err), stdin);
        return new CliRun(code, out.toString(), err.toString());
    }

    private Path input() throws IOException {
        Path in = tmp.resolve("portfolio.jsonl");
        Files.writeString(in, portfolio(20, 1, 0));
        return in;
    }

    // ---- 12.2: outputs are checked before any line is read ----------------------------------

    @Test
    void out_namingTheInput_isRefused_andTheInputIsIntact() throws Exception {
        Path in = input();
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), in);
        Path hard = Files.createLink(tmp.resolve("hard.jsonl"), in);
        for (String[] args : List.of(new String[] {"--out", in.toString()}, new String[] {"--out", link.toString()},
                new String[] {"--out", hard.toString()}, new String[] {"--summary", in.toString()},
                new String[] {"--out", in.toString(), "--resume"})) {
            List<String> a = new ArrayList<>(List.of("scan", "--quiet"));
            a.addAll(Arrays.asList(args));
            a.add(in.toString());
            CliRun run = CliRun.of(a.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).endsWith(": is the input file (writing it would destroy the"
                    + " portfolio)\n").doesNotContain("Exception");
            assertThat(Files.readAllBytes(in)).isEqualTo(before);
        }
    }

    @Test
    void outOrSummary_thatCannotBeWritten_isAUsageError_beforeStdinIsRead() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path out = tmp.resolve("o.jsonl");
        String[][] cases = {
            {"--out", tmp.toString()},
            {"--summary", tmp.toString()},
            {"--summary", "/nonexistent/s.json"},
            {"--out", "/nonexistent/o.jsonl"},
            {"--summary", file.resolve("s.json").toString()},
            {"--out", out.toString(), "--summary", out.toString()},
            {"--resume"},
        };
        String[] expected = {
            "--out " + tmp + ": is a directory (expected a file to write)",
            "--summary " + tmp + ": is a directory (expected a file to write)",
            "--summary /nonexistent/s.json: cannot be created: no directory /nonexistent",
            "--out /nonexistent/o.jsonl: cannot be created: no directory /nonexistent",
            "--summary " + file.resolve("s.json") + ": cannot be created: " + file + " is not a directory",
            "--summary " + out + ": is also the --out file",
            "--resume: needs --out FILE (the records of the interrupted scan)",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> a = new ArrayList<>(List.of("scan", "--quiet"));
            a.addAll(Arrays.asList(cases[i]));
            a.add("-");
            CliRun run = run(UNREAD, a.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(expected[i] + "\n");
            assertThat(run.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void fileAndStdin_giveTheSameRecords_badBytesIncluded() throws Exception {
        byte[] text = portfolio(30, 4, 0.1).getBytes(StandardCharsets.UTF_8);
        text[400] = (byte) 0xFF;   // an invalid byte in the first line
        text[text.length / 2] = '\r'; // a CR somewhere in the middle
        Path in = Files.write(tmp.resolve("bytes.jsonl"), text);
        Path out = tmp.resolve("o.jsonl");
        CliRun file = CliRun.of("scan", "--quiet", "--out", out.toString(), in.toString());
        CliRun stdin = StrictInputTest.run(text, "scan", "--quiet", "-");
        assertThat(file.exitCode()).isZero();
        assertThat(stdin.exitCode()).isZero();
        assertThat(stdin.out()).isEqualTo(Files.readString(out));
        assertThat(stdin.out()).startsWith("{\"line\":1,\"errors\":[{\"path\":\"\",\"message\":\"invalid UTF-8 at line 1,");
        assertThat(stdin.out().split("\n")).hasSize(30).doesNotContain("\ufffd");
        assertThat(stdin.err().substring(stdin.err().indexOf('\n'))).isEqualTo(file.err().substring(file.err().indexOf('\n')));
    }

    // ---- 12.2: write failures ----------------------------------------------------------------

    @Test
    @EnabledOnOs(OS.LINUX)
    void scan_toDevFull_asStdoutOrOut_exits4() throws Exception {
        Path in = input();
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            StringWriter err = new StringWriter();
            int code = ProcsecCli.run(new String[] {"scan", "--quiet", in.toString()}, Output.over(full),
                    new PrintWriter(err), UNREAD);
            assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
            assertThat(err.toString()).isEqualTo("stdout: cannot write: no space left on device (at the record of line 20);"
                    + " the output is incomplete\n");
        }
        CliRun out = CliRun.of("scan", "--quiet", "--out", "/dev/full", in.toString());
        assertThat(out.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(out.err()).startsWith("--out /dev/full: cannot write: no space left on device (at the record of line ");
        CliRun summary = CliRun.of("scan", "--quiet", "--out", tmp.resolve("o.jsonl").toString(), "--summary", "/dev/full",
                in.toString());
        assertThat(summary.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(summary.err()).startsWith("--summary /dev/full: cannot write: no space left on device");
    }

    @Test
    @Timeout(60)
    void scan_toAClosedPipe_exits4_promptly() {
        byte[] in = portfolio(4000, 2, 0).getBytes(StandardCharsets.UTF_8);
        AtomicLong read = new AtomicLong();
        InputStream stdin = new java.io.FilterInputStream(new ByteArrayInputStream(in)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(new String[] {"scan", "--quiet", "--threads", "1", "-"},
                Output.over(OutputFailureTest.closedPipeAfter(5000)), new PrintWriter(err), stdin);
        assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(err.toString()).startsWith("stdout: cannot write: the reading end was closed (broken pipe) (at the record"
                + " of line ").endsWith("; the output is incomplete\n");
        assertThat(read.get()).as("bytes of stdin read").isLessThan(in.length / 2); // a few chunks read ahead
    }

    // ---- 12.3: resume ------------------------------------------------------------------------

    /** A portfolio with bad lines, blank lines and a CRLF line. */
    private Path mixedInput() throws IOException {
        String[] lines = portfolio(400, 7, 0.03).split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append(i % 97 == 5 ? "\r\n" : "\n");
            if (i % 53 == 7) {
                b.append("\n  \n");
            }
        }
        Path in = tmp.resolve("mixed.jsonl");
        Files.writeString(in, b);
        return in;
    }

    private static ObjectNode withoutTimes(Path summary) throws IOException {
        ObjectNode s = (ObjectNode) JSON.readTree(Files.readString(summary));
        s.remove(List.of("elapsedSeconds", "linesPerSecond", "resumedLines"));
        return s;
    }

    @Test
    void resume_afterAnInterruption_anywhere_givesTheUninterruptedFile_andTheWholeSummary() throws Exception {
        Path in = mixedInput();
        Path full = tmp.resolve("full.jsonl");
        Path fullSummary = tmp.resolve("full-summary.json");
        CliRun first = CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", full.toString(), "--summary",
                fullSummary.toString(), in.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] expected = Files.readAllBytes(full);
        int boundary = indexOfNth(expected, 200) + 1; // just after the 200th record
        long[] cuts = {0, 17, boundary, boundary + 1234, expected.length - 5, expected.length};
        for (long cut : cuts) {
            Path out = tmp.resolve("cut-" + cut + ".jsonl");
            Files.write(out, Arrays.copyOf(expected, (int) cut)); // as a kill -9 leaves it: a prefix of the records
            Path summary = tmp.resolve("summary-" + cut + ".json");
            CliRun resumed = CliRun.of("scan", "--as-of", "2026-11-22", "--out", out.toString(), "--resume", "--summary",
                    summary.toString(), in.toString());
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(Files.readAllBytes(out)).as("resumed after %d bytes", cut).isEqualTo(expected);
            assertThat(withoutTimes(summary)).as("summary after %d bytes", cut).isEqualTo(withoutTimes(fullSummary));
            if (cut > 0) {
                assertThat(resumed.err()).startsWith("resuming: ");
            }
        }
        assertThat(JSON.readTree(Files.readString(fullSummary)).get("blankLines").asInt()).isEqualTo(16);
    }

    private static int indexOfNth(byte[] b, int n) {
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " lines");
    }

    @Test
    void resume_ofAnotherScan_isRefused_andTheFileIsLeftAsItWas() throws Exception {
        Path in = mixedInput();
        Path out = tmp.resolve("o.jsonl");
        assertThat(CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", out.toString(), in.toString())
                .exitCode()).isZero();
        byte[] all = Files.readAllBytes(out);
        Files.write(out, Arrays.copyOf(all, all.length / 2 + 7));
        byte[] cut = Files.readAllBytes(out);

        CliRun otherDate = CliRun.of("scan", "--quiet", "--as-of", "2026-01-01", "--out", out.toString(), "--resume",
                in.toString());
        assertThat(otherDate.exitCode()).isEqualTo(2);
        assertThat(otherDate.err()).startsWith("--resume: " + out + " line 1: assessed as of 2026-11-22, not as of 2026-01-01");
        CliRun noDate = CliRun.of("scan", "--quiet", "--out", out.toString(), "--resume", in.toString());
        assertThat(noDate.exitCode()).isEqualTo(2);
        assertThat(noDate.err()).contains("not without --as-of");

        Path other = tmp.resolve("other.jsonl");
        Files.writeString(other, "\n" + Files.readString(in)); // every line one further down
        CliRun otherInput = CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", out.toString(), "--resume",
                other.toString());
        assertThat(otherInput.exitCode()).isEqualTo(2);
        assertThat(otherInput.err()).startsWith("--resume: " + out + " has a record for line 1, which is blank in the input");

        Path shorter = Files.writeString(tmp.resolve("short.jsonl"), String.join("\n",
                Arrays.copyOf(Files.readString(in).split("\n"), 10)) + "\n");
        CliRun tooShort = CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", out.toString(), "--resume",
                shorter.toString());
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("but the input has only 10 lines");

        Path notRecords = Files.writeString(tmp.resolve("notes.txt"), "some notes\nmore\n");
        CliRun notes = CliRun.of("scan", "--quiet", "--out", notRecords.toString(), "--resume", in.toString());
        assertThat(notes.exitCode()).isEqualTo(2);
        assertThat(notes.err()).startsWith("--resume: " + notRecords + " line 1: not a scan record (not JSON)");

        assertThat(Files.readAllBytes(out)).isEqualTo(cut);
        assertThat(Files.readString(notRecords)).isEqualTo("some notes\nmore\n");
    }

    @Test
    void resume_withNoOutputYet_scansFromTheStart() throws Exception {
        Path in = input();
        Path out = tmp.resolve("new.jsonl");
        CliRun run = CliRun.of("scan", "--quiet", "--out", out.toString(), "--resume", in.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(20);
    }

    // ---- 12.4: progress and summaries --------------------------------------------------------

    @Test
    void progress_countsFinishedLines_percentAndEtaFromTheirBytes() {
        StringWriter sink = new StringWriter();
        ScanCommand.ProgressPrinter p = new ScanCommand.ProgressPrinter(new PrintWriter(sink), 1000, true);
        assertThat(p.line(256, 250, Duration.ofSeconds(10)))
                .isEqualTo("[#######                       ]  25% 256 lines, 26 lines/s, ETA 0:30");
        assertThat(p.line(2000, 1000, Duration.ofSeconds(40))).isEqualTo("[##############################] 100% 2,000 lines,"
                + " 50 lines/s");
        ScanCommand.ProgressPrinter plain = new ScanCommand.ProgressPrinter(new PrintWriter(sink), 4_000_000, false);
        assertThat(plain.line(10, 1_000_000, Duration.ofSeconds(7200))).isEqualTo(" 25% 10 lines, 0 lines/s, ETA 6:00:00");
        ScanCommand.ProgressPrinter stdin = new ScanCommand.ProgressPrinter(new PrintWriter(sink), -1, true);
        assertThat(stdin.line(5000, 123_456, Duration.ofSeconds(2))).isEqualTo("5,000 lines, 2,500 lines/s");
        // resumed at half way: rate and ETA from this run's lines and bytes only
        ScanCommand.ProgressPrinter resumed = new ScanCommand.ProgressPrinter(new PrintWriter(sink), 1000, true);
        resumed.resumed(1000, 500);
        assertThat(resumed.line(1100, 600, Duration.ofSeconds(10))).isEqualTo("[##################            ]  60%"
                + " 1,100 lines, 10 lines/s, ETA 0:40");
    }

    @Test
    void progress_onATerminal_redrawsInPlace_andTheLastRedrawLeavesNothingBehind() {
        StringWriter sink = new StringWriter();
        ScanCommand.ProgressPrinter p = new ScanCommand.ProgressPrinter(new PrintWriter(sink), 1000, true);
        p.update(256, 250, Duration.ofSeconds(10));
        p.update(2000, 1000, Duration.ofSeconds(40));
        p.finish();
        String[] draws = sink.toString().split("\r");
        assertThat(draws).hasSize(3); // "", the first draw, the last
        assertThat(draws[1]).hasSize(draws[2].length() - 1); // the last: as wide as the first, and its newline
        assertThat(draws[2]).isEqualTo("[##############################] 100% 2,000 lines, 50 lines/s" + " ".repeat(
                draws[1].length() - "[##############################] 100% 2,000 lines, 50 lines/s".length()) + "\n");
    }

    @Test
    void progress_isDrawnWhenStderrIsATerminal_whateverStdoutIs() throws Exception {
        Path in = input();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(new String[] {"scan", in.toString()}, new PrintWriter(out), new PrintWriter(err),
                UNREAD, () -> true);
        assertThat(code).isZero();
        assertThat(err.toString()).startsWith("\r[").contains("] 100% 20 lines").contains("\nscanned 20 lines in ");
        assertThat(out.toString().split("\n")).hasSize(20);
        StringWriter plainErr = new StringWriter();
        ProcsecCli.run(new String[] {"scan", in.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(plainErr), UNREAD, () -> false);
        assertThat(plainErr.toString()).doesNotContain("\r", "[").startsWith("scanned 20 lines in "); // a line per 5 s
    }

    @Test
    void summary_textIsAStableTable_jsonHasAFixedKeyOrder() throws Exception {
        Path in = tmp.resolve("p.jsonl");
        Files.writeString(in, String.join("\n", ScanCommandTest.oneLine("examples/cbsa-contract-a.json"), "",
                ScanCommandTest.oneLine("examples/esdc-office-chairs.json"), ScanCommandTest.oneLine(
                        "examples/esdc-office-chairs.json").replace("\"OTHER\"", "\"\\u001b[2J\\u009b\"")) + "\n");
        CliRun run = CliRun.of("scan", "--quiet", "--as-of", "2026-11-22", "--out", tmp.resolve("o.jsonl").toString(),
                in.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = run.err();
        assertThat(text).startsWith("scanned 4 lines in ");
        assertThat(text.substring(text.indexOf('\n') + 1)).startsWith("""
                  lines                            4
                  assessed                         2
                  input errors                     1
                  blank lines                      1
                decisions
                  APPROVE                          1
                  APPROVE_WITH_CONDITIONS          0
                  REFER                            0
                  REJECT                           1
                holdings (with --as-of)
                  to replace (7.1)                 1
                  to review at renewal (7.1)       0
                  past service life (7.2)          1
                most frequent findings
                  CLR-3.7-unclearable-country      1
                  CSE-4.1-data-capture             1
                  CSE-4.2-state-controlled         1
                  CSE-4.2-state-controlled-listed  1
                  CSE-4.4-allied-restriction       1
                input errors
                  line 4: items[0].category: unknown value "\\u001b[2J\\u009b" (expected one of XRAY_SCREENING, \
                LARGE_SCALE_IMAGING, TRACE_DETECTION, RADIATION_DETECTION, RADIO, RADIO_INFRASTRUCTURE, VIDEO_SURVEILLANCE, \
                ACCESS_CONTROL, NETWORK_EQUIPMENT, COMPUTING, SOFTWARE, OTHER)
                """).doesNotContain("\u001b", "\u009b");

        Path summary = tmp.resolve("s.json");
        CliRun json = CliRun.of("scan", "--quiet", "--out", tmp.resolve("o2.jsonl").toString(), "--summary",
                summary.toString(), in.toString());
        assertThat(json.exitCode()).isZero();
        JsonNode s = JSON.readTree(Files.readString(summary));
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertThat(keys).containsExactly("lines", "assessed", "inputErrors", "blankLines", "byDecision", "toReplace",
                "toReviewAtRenewal", "pastServiceLife", "topFindings", "errors", "resumedLines", "elapsedSeconds",
                "linesPerSecond");
        List<String> decisions = new ArrayList<>();
        s.get("byDecision").fieldNames().forEachRemaining(decisions::add);
        assertThat(decisions).containsExactly("APPROVE", "APPROVE_WITH_CONDITIONS", "REFER", "REJECT");
    }
}
