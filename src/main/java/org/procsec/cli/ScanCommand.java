package org.procsec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.scan.PortfolioScanner;
import org.procsec.scan.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scan [--as-of DATE] [--threads N] FILE}: a JSON-lines portfolio in, one assessment per line out. */
@Command(name = "scan", sortOptions = false,
        description = "Assess a JSON-lines portfolio (one request per line; - for stdin): one assessment per line out,"
                + " in input order; a summary on stderr.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned (bad lines are reported and skipped)", "2:bad usage, or a bad line with --fail-on-error",
            "3:rules fail to build"})
final class ScanCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Review date (portfolio review, POLICY 7.1).")
    String asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the assessments to FILE instead of stdout.")
    Path outFile;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary to FILE as JSON instead of stderr.")
    Path summaryFile;

    @Option(names = "--fail-on-error", description = "Exit 2 when any line was not a valid request.")
    boolean failOnError;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path rules;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA", description = "Refuse rules whose fingerprint differs.")
    String expectFingerprint;

    @Parameters(paramLabel = "FILE", description = "JSON-lines portfolio; - reads stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        LocalDate date = Inputs.date("--as-of", asOf);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new CliException(ExitCodes.BAD_INPUT, "--threads: expected 1..256, got " + n);
        }
        long size = -1;
        BufferedReader in;
        if (file.equals("-")) {
            in = new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8), 1 << 16);
        } else {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": no such file");
            }
            size = Files.size(p);
            in = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        }
        PolicyEngine engine = Inputs.engine(Inputs.rules(rules), expectFingerprint);
        Writer out = outFile == null ? parent.out
                : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8),
                        1 << 16);
        ProgressPrinter progress = quiet ? null : new ProgressPrinter(parent.err, size, System.console() != null);
        ScanSummary summary;
        try (in) {
            summary = new PortfolioScanner(engine, date, n, progress).scan(in, out);
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": " + Inputs.message(e.getCause()));
        } finally {
            if (outFile != null) {
                out.close();
            }
        }
        if (progress != null) {
            progress.finish();
        }
        if (summaryFile != null) {
            Files.writeString(summaryFile, AssessmentJson.pretty(json(summary)) + "\n");
        } else {
            text(summary);
        }
        return failOnError && summary.inputErrors() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private void text(ScanSummary s) {
        var err = parent.err;
        err.printf(Locale.ROOT, "scanned %d lines in %.1f s (%.0f lines/s): %d assessed, %d input errors%s%n",
                s.lines(), s.elapsed().toNanos() / 1e9, s.rate(), s.assessed(), s.inputErrors(),
                s.blankLines() > 0 ? ", " + s.blankLines() + " blank" : "");
        err.println("decisions: " + s.byDecision());
        err.printf("holdings: %d to replace (7.1), %d to review at renewal (7.1), %d past service life (7.2)%n",
                s.toReplace(), s.toReviewAtRenewal(), s.pastServiceLife());
        if (!s.topFindings().isEmpty()) {
            err.println("most frequent findings:");
            s.topFindings().forEach(e -> err.printf("  %8d  %s%n", e.getValue(), e.getKey()));
        }
        if (!s.firstErrors().isEmpty()) {
            err.println("input errors" + (s.inputErrors() > s.firstErrors().size()
                    ? " (first " + s.firstErrors().size() + " of " + s.inputErrors() + ")" : "") + ":");
            s.firstErrors().forEach(e -> err.println("  line " + e.line() + ": "
                    + (e.path().isEmpty() ? "" : e.path() + ": ") + e.message()));
        }
        err.flush();
    }

    private static ObjectNode json(ScanSummary s) {
        ObjectNode o = AssessmentJson.nodes().objectNode();
        o.put("lines", s.lines());
        o.put("assessed", s.assessed());
        o.put("inputErrors", s.inputErrors());
        o.put("blankLines", s.blankLines());
        ObjectNode decisions = o.putObject("byDecision");
        s.byDecision().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> decisions.put(e.getKey(), e.getValue()));
        o.put("toReplace", s.toReplace());
        o.put("toReviewAtRenewal", s.toReviewAtRenewal());
        o.put("pastServiceLife", s.pastServiceLife());
        ArrayNode top = o.putArray("topFindings");
        s.topFindings().forEach(e -> top.addObject().put("ruleId", e.getKey()).put("count", e.getValue()));
        ArrayNode errors = o.putArray("errors");
        s.firstErrors().forEach(e -> errors.addObject().put("line", e.line()).put("path", e.path())
                .put("message", e.message()));
        o.put("elapsedSeconds", Math.round(s.elapsed().toMillis() / 100.0) / 10.0);
        o.put("linesPerSecond", Math.round(s.rate()));
        return o;
    }

    /** A progress bar on a terminal, a plain line every 5 seconds otherwise. */
    static final class ProgressPrinter implements PortfolioScanner.Progress {
        private final java.io.PrintWriter err;
        private final long size;
        private final boolean terminal;
        private long lastPlain;
        private boolean drew;

        ProgressPrinter(java.io.PrintWriter err, long size, boolean terminal) {
            this.err = err;
            this.size = size;
            this.terminal = terminal;
        }

        @Override
        public void update(long lines, long chars, Duration elapsed) {
            double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
            double rate = lines / seconds;
            String eta = "";
            double fraction = size > 0 ? Math.min(1.0, (double) chars / size) : -1;
            if (fraction > 0 && fraction < 1) {
                long left = Math.round(seconds * (1 - fraction) / fraction);
                eta = String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60);
            }
            if (terminal) {
                String bar = "";
                if (fraction >= 0) {
                    int filled = (int) Math.round(fraction * 30);
                    bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] "
                            + String.format(Locale.ROOT, "%3.0f%% ", fraction * 100);
                }
                err.printf(Locale.ROOT, "\r%s%,d lines, %,.0f lines/s%s   ", bar, lines, rate, eta);
                err.flush();
                drew = true;
            } else if (elapsed.toMillis() - lastPlain >= 5_000) {
                lastPlain = elapsed.toMillis();
                err.printf(Locale.ROOT, "progress: %d lines, %.0f lines/s%s%n", lines, rate, eta);
                err.flush();
            }
        }

        void finish() {
            if (drew) {
                err.println();
            }
        }
    }
}
