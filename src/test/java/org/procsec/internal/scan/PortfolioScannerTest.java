package org.procsec.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.procsec.TestEngines;
import org.procsec.io.AssessmentJson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every line accounted for (issue 12.1), and every failure ends the scan (12.1, 12.2). */
class PortfolioScannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static String oneLine(String file) {
        try {
            return org.procsec.internal.json.AssessmentNodes.compact(JSON.readTree(Files.readString(Path.of(file))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String portfolio(int lines, long seed, double bad) {
        StringWriter w = new StringWriter();
        try {
            new PortfolioGenerator(seed, bad).write(lines, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static PortfolioScanner scanner(int threads) {
        return new PortfolioScanner(TestEngines.bundled(), TODAY, threads, null);
    }

    private static List<JsonNode> records(String out) throws IOException {
        List<JsonNode> r = new ArrayList<>();
        for (String line : out.split("\n")) {
            r.add(JSON.readTree(line));
        }
        return r;
    }

    @Test
    void scan_everyNonBlankLine_givesOneRecordWithItsLineNumber_inInputOrder() throws Exception {
        String chairs = oneLine("examples/esdc-office-chairs.json");
        String cbsa = oneLine("examples/cbsa-contract-a.json");
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write((chairs + "\n").getBytes(StandardCharsets.UTF_8));                               // 1
        byte[] bad = (cbsa + "\n").getBytes(StandardCharsets.UTF_8);
        bad[20] = (byte) 0xFF;
        in.write(bad);                                                                             // 2 invalid byte
        in.write((cbsa.replace(",\"", ",\r\"") + "\n").getBytes(StandardCharsets.UTF_8));        // 3 CRs inside
        in.write("\n".getBytes(StandardCharsets.UTF_8));                                           // 4 blank
        in.write(" \t\r\n".getBytes(StandardCharsets.UTF_8));                                      // 5 blank
        in.write(("{\"id\": \"" + "x".repeat(PortfolioScanner.MAX_LINE_BYTES) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));                                                // 6 over the limit
        in.write((chairs + "\r\n").getBytes(StandardCharsets.UTF_8));                             // 7 CRLF
        in.write("{\"id\": \"A\rB\"}\n".getBytes(StandardCharsets.UTF_8));                       // 8 CR in a string
        in.write(chairs.getBytes(StandardCharsets.UTF_8));                                         // 9 no final LF
        StringWriter out = new StringWriter();
        ScanSummary s = scanner(3).scan(new ByteArrayInputStream(in.toByteArray()), out);

        List<JsonNode> r = records(out.toString());
        assertThat(r).extracting(n -> n.get("line").asInt()).containsExactly(1, 2, 3, 6, 7, 8, 9);
        assertThat(out.toString().split("\n")).allMatch(line -> line.startsWith("{\"line\":"));
        assertThat(r.get(0).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(r.get(1).at("/errors/0/message").asText()).startsWith("invalid UTF-8 at line 1, column 21");
        assertThat(r.get(2).get("requestId").asText()).isEqualTo("CBSA-2017-A"); // the CRs are whitespace
        assertThat(r.get(2).get("decision").asText()).isEqualTo("REJECT");
        assertThat(r.get(3).at("/errors/0/message").asText()).startsWith("line of " + (PortfolioScanner.MAX_LINE_BYTES + 10)
                + " bytes (expected at most " + PortfolioScanner.MAX_LINE_BYTES + " bytes");
        assertThat(r.get(4).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(r.get(5).at("/errors/0/message").asText()).contains("invalid JSON");
        assertThat(r.get(6).get("decision").asText()).isEqualTo("APPROVE");
        assertThat(s.lines()).isEqualTo(9);
        assertThat(s.blankLines()).isEqualTo(2);
        assertThat(s.assessed()).isEqualTo(4);
        assertThat(s.inputErrors()).isEqualTo(3);
        assertThat(s.firstErrors()).extracting(ScanSummary.LineError::line).containsExactly(2L, 6L, 8L);
        assertThat(s.byDecision()).containsExactly(java.util.Map.entry("APPROVE", 3L),
                java.util.Map.entry("APPROVE_WITH_CONDITIONS", 0L), java.util.Map.entry("REFER", 0L),
                java.util.Map.entry("REJECT", 1L));
    }

    @Test
    void scan_recordsAreTheAssessmentsWithTheirLineFirst_onAnyNumberOfThreads() {
        String in = portfolio(600, 11, 0.05);
        StringWriter one = new StringWriter();
        scanner(1).scan(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), one);
        StringWriter four = new StringWriter();
        scanner(4).scan(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), four);
        assertThat(four.toString()).isEqualTo(one.toString());
        String[] lines = one.toString().split("\n");
        assertThat(lines).hasSize(600);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).startsWith("{\"line\":" + (i + 1) + ",");
        }
    }

    /** The input stream given, which fails with {@code failure} once {@code after} bytes are read. */
    private static InputStream failingAfter(byte[] data, int after, Throwable failure) {
        return new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= after) {
                    if (failure instanceof IOException e) {
                        throw e;
                    }
                    throw (Error) failure;
                }
                int k = Math.min(len, Math.min(after, data.length) - pos);
                if (k <= 0) {
                    return -1;
                }
                System.arraycopy(data, pos, b, off, k);
                pos += k;
                return k;
            }
        };
    }

    @Test
    @Timeout(20)
    void scan_readFailure_endsTheScan_afterWritingTheRecordsBeforeIt() {
        byte[] in = portfolio(2000, 3, 0).getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> scanner(2).scan(failingAfter(in, in.length / 2, new IOException("Input/output error")),
                out)).isInstanceOf(ScanException.class)
                .satisfies(e -> assertThat(((ScanException) e).kind()).isEqualTo(ScanException.Kind.READ))
                .hasMessageStartingWith("cannot read line ").hasMessageEndingWith(": Input/output error");
        String[] written = out.toString().split("\n");
        assertThat(written.length).isGreaterThan(100);
        for (int i = 0; i < written.length; i++) {
            assertThat(written[i]).startsWith("{\"line\":" + (i + 1) + ",");
        }
    }

    @Test
    @Timeout(20)
    void scan_anErrorOnTheReadingThread_endsTheScan_neverHangs() {
        byte[] in = portfolio(300, 3, 0).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanner(2).scan(failingAfter(in, in.length / 3, new OutOfMemoryError("Java heap space")),
                new StringWriter())).isInstanceOf(ScanException.class)
                .satisfies(e -> assertThat(((ScanException) e).kind()).isEqualTo(ScanException.Kind.INTERNAL))
                .hasMessageContaining("out of memory (Java heap space)");
    }

    @Test
    @Timeout(60)
    void scan_anErrorOnAWorkerThread_endsTheScan_neverHangs(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path rules = org.procsec.RuleDirs.bundledPlus(tmp, "9-error.drl", org.procsec.RuleDirs.HEADER + """
                rule "SEC-2.6-test-error the then-block throws an Error, which no assessment catches"
                when
                    Purchase()
                then
                    throw new AssertionError("an Error from a rule");
                end
                """);
        org.procsec.api.PolicyEngine engine = org.procsec.api.PolicyEngine.builder()
                .rules(org.procsec.ruleset.RuleSource.directory(rules)).build();
        byte[] in = portfolio(600, 3, 0).getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> new PortfolioScanner(engine, TODAY, 3, null).scan(new ByteArrayInputStream(in), out))
                .isInstanceOf(ScanException.class)
                .satisfies(e -> assertThat(((ScanException) e).kind()).isEqualTo(ScanException.Kind.INTERNAL))
                .hasMessage("the scan failed on a line after line 0: AssertionError: an Error from a rule");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @Timeout(20)
    void scan_writeFailure_stopsPromptly_withoutReadingTheRest() {
        byte[] in = portfolio(20_000, 4, 0).getBytes(StandardCharsets.UTF_8);
        AtomicLong read = new AtomicLong();
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(in)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        Writer full = new Writer() {
            long chars;

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                chars += len;
                if (chars > 100_000) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> scanner(1).scan(counting, full)).isInstanceOf(ScanException.class)
                .satisfies(e -> assertThat(((ScanException) e).kind()).isEqualTo(ScanException.Kind.WRITE))
                .satisfies(e -> assertThat(((ScanException) e).line()).isBetween(1L, 256L))
                .hasMessageStartingWith("No space left on device (at the record of line ");
        // one thread: at most 5 chunks of 256 lines read ahead, of 20,000 lines
        assertThat(read.get()).isLessThan(in.length / 5);
    }
}
