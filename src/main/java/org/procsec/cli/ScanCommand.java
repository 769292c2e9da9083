package org.procsec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.internal.text.LogText;
import org.procsec.internal.scan.PortfolioScanner;
import org.procsec.internal.scan.ScanException;
import org.procsec.internal.scan.ScanResume;
import org.procsec.internal.scan.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.concurrent.Callable;

/** {@code scan [--as-of DATE] [--threads N] [--out FILE [--resume]] FILE}: a JSON-lines portfolio in, one record per line out. */
@Command(name = "scan", sortOptions = false,
        description = "Assess a JSON-lines portfolio (one request per line; - for stdin): one record per non-blank line"
                + " out, in input order, each with its line number; a summary on stderr.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned (bad lines are error records)",
            "2:bad usage, an unreadable input, or a bad line with --fail-on-error", "3:rules fail to build",
            "4:the records could not be written (full disk, closed pipe)"})
final class ScanCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Review date (portfolio review, POLICY 7.1).")
    String asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the records to FILE instead of stdout.")
    Path outFile;

    @Option(names = "--resume", description = "Go on with the interrupted scan whose records are in the --out FILE:"
            + " keep its complete records, drop a partial last one, continue from the next line.")
    boolean resume;

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

    @Parameters(paramLabel = "FILE", description = "JSON-lines portfolio (UTF-8); - reads stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        LocalDate date = Inputs.date("--as-of", asOf);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new CliException(ExitCodes.BAD_INPUT, "--threads: expected 1..256, got " + n);
        }
        Path input = file.equals("-") ? null : Path.of(file);
        long size = -1;
        if (input != null) {
            if (!Files.exists(input)) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": no such file");
            }
            if (Files.isDirectory(input)) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": is a directory (expected a JSON-lines file)");
            }
            if (Files.isRegularFile(input)) {
                size = Files.size(input);
            }
        }
        if (resume && outFile == null) {
            throw new CliException(ExitCodes.BAD_INPUT, "--resume: needs --out FILE (the records of the interrupted scan)");
        }
        // Every place written to is checked before a line is read or a file is opened for writing.
        checkWritable("--out", outFile, input);
        checkWritable("--summary", summaryFile, input);
        if (outFile != null && summaryFile != null && same(outFile, summaryFile)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--summary " + summaryFile + ": is also the --out file");
        }
        InputStream in;
        try {
            in = input == null ? new NonClosing(parent.in) : Files.newInputStream(input);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": " + Inputs.message(e));
        }
        try (in) {
            return scan(in, size);
        }
    }

    private int scan(InputStream in, long size) {
        LocalDate date = Inputs.date("--as-of", asOf);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PolicyEngine engine = Inputs.engine(Inputs.rules(rules), expectFingerprint);
        ScanResume previous = resume && Files.exists(outFile) ? previous(engine, date) : null;
        Writer out = open(previous);
        ProgressPrinter progress = quiet ? null
                : new ProgressPrinter(parent.err, size, parent.errIsTerminal.getAsBoolean());
        if (previous != null && !quiet) {
            String dropped = previous.droppedBytes() > 0
                    ? ", a partial last record of " + previous.droppedBytes() + " bytes dropped" : "";
            parent.err.println(previous.records() == 0 ? "resuming: no complete record yet" + dropped
                    + "; scanning from line 1" : String.format(Locale.ROOT,
                    "resuming: %,d complete records kept (up to line %,d)%s", previous.records(), previous.lastLine(),
                    dropped));
            parent.err.flush();
        }
        PortfolioScanner scanner = new PortfolioScanner(engine, date, n, progress);
        ScanSummary summary;
        try {
            try {
                summary = previous == null ? scanner.scan(in, out) : scanner.resume(in, out, previous);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            if (outFile != null) {
                try {
                    out.flush(); // a resumed scan with nothing left to do still drops the partial record
                    out.close();
                } catch (IOException e) {
                    throw writeFailure(Output.describe(e));
                }
            }
        } catch (ScanException e) {
            throw switch (e.kind()) {
                case WRITE -> writeFailure((e.getCause() instanceof IOException io ? Output.describe(io)
                        : e.getMessage()) + " (at the record of line " + e.line() + ")");
                case READ -> new CliException(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
                case RESUME -> new CliException(ExitCodes.BAD_INPUT, "--resume: " + e.getMessage());
                case INTERNAL -> internal(e);
            };
        } finally {
            if (outFile != null) {
                closeQuietly(out);
            }
        }
        if (summaryFile != null) {
            try {
                Files.writeString(summaryFile, org.procsec.internal.json.AssessmentNodes.pretty(json(summary)) + "\n");
            } catch (IOException e) {
                throw new CliException(ExitCodes.OUTPUT_FAILED, ProcsecCli.outputFailure("--summary " + summaryFile,
                        Output.describe(e)).replace("the output is incomplete", "the records are complete"));
            }
        } else {
            parent.err.print(text(summary));
            parent.err.flush();
        }
        return failOnError && summary.inputErrors() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    /** Refuses (exit 2) an output {@code path} that is the input, a directory, or a place that cannot be written. */
    static void checkWritable(String option, Path path, Path input) {
        if (path == null) {
            return;
        }
        String what = option + " " + path + ": ";
        if (Files.isDirectory(path)) {
            throw new CliException(ExitCodes.BAD_INPUT, what + "is a directory (expected a file to write)");
        }
        if (input != null && Files.exists(path) && same(path, input)) {
            throw new CliException(ExitCodes.BAD_INPUT, what + "is the input file (writing it would destroy the"
                    + " portfolio)");
        }
        if (Files.exists(path)) {
            if (!Files.isWritable(path)) {
                throw new CliException(ExitCodes.BAD_INPUT, what + "cannot be written (permission denied)");
            }
            return;
        }
        Path parentDir = path.toAbsolutePath().getParent();
        if (parentDir == null || !Files.isDirectory(parentDir)) {
            throw new CliException(ExitCodes.BAD_INPUT, what + "cannot be created: "
                    + (parentDir != null && Files.exists(parentDir) ? parentDir + " is not a directory"
                    : "no directory " + parentDir));
        }
        if (!Files.isWritable(parentDir)) {
            throw new CliException(ExitCodes.BAD_INPUT, what + "cannot be created in " + parentDir
                    + " (permission denied)");
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    private ScanResume previous(PolicyEngine engine, LocalDate date) {
        try {
            return ScanResume.read(outFile, engine.fingerprint(), date);
        } catch (ScanException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--resume: " + e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--resume: " + outFile + ": " + Inputs.message(e));
        }
    }

    /** The output: stdout, or the --out file (cut to its complete records and appended to, when resuming). */
    private Writer open(ScanResume previous) {
        if (outFile == null) {
            return Output.throwing(parent.out);
        }
        if (previous != null) {
            // Cut and opened at the first write (or flush, or close): the scanner first checks the
            // kept records against the input, and a mismatch leaves the file as it was.
            return new Writer() {
                private Writer file;

                private Writer file() throws IOException {
                    if (file == null) {
                        try (FileChannel ch = FileChannel.open(outFile, StandardOpenOption.WRITE)) {
                            ch.truncate(previous.keptBytes());
                        }
                        file = writer(Files.newOutputStream(outFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
                    }
                    return file;
                }

                @Override
                public void write(char[] buf, int off, int len) throws IOException {
                    file().write(buf, off, len);
                }

                @Override
                public void write(String s, int off, int len) throws IOException {
                    file().write(s, off, len);
                }

                @Override
                public void flush() throws IOException {
                    file().flush();
                }

                @Override
                public void close() throws IOException {
                    if (file != null) { // never opened: the scan stopped before it (the file stays as it was)
                        file.close();
                    }
                }
            };
        }
        try {
            return writer(Files.newOutputStream(outFile));
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + outFile + ": " + Inputs.message(e));
        }
    }

    private static Writer writer(java.io.OutputStream stream) {
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    private CliException writeFailure(String failure) {
        if (outFile == null) {
            parent.outputFailureReported = true;
            return new CliException(ExitCodes.OUTPUT_FAILED, ProcsecCli.outputFailure("stdout", failure));
        }
        return new CliException(ExitCodes.OUTPUT_FAILED, ProcsecCli.outputFailure("--out " + outFile, failure)
                + " (its complete records are kept: run the same command with --resume to go on)");
    }

    private CliException internal(ScanException e) {
        if (parent.debug) {
            e.printStackTrace(parent.err);
        }
        return new CliException(ExitCodes.BAD_INPUT, "scan: " + e.getMessage()
                + (outFile != null ? " (the records written are complete: --resume goes on from there)" : ""));
    }

    private static void closeQuietly(Writer w) {
        try {
            w.close();
        } catch (IOException e) {
            // already reported, or the scan failed before
        }
    }

    /** Stdin, which the command must not close. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** The summary as a table: counts, decisions, holdings, findings, then the first input errors. */
    static String text(ScanSummary s) {
        List<String[]> counts = new ArrayList<>();
        counts.add(row("lines", s.lines()));
        counts.add(row("assessed", s.assessed()));
        counts.add(row("input errors", s.inputErrors()));
        counts.add(row("blank lines", s.blankLines()));
        List<String[]> decisions = new ArrayList<>();
        s.byDecision().forEach((d, c) -> decisions.add(row(d, c)));
        List<String[]> holdings = List.of(row("to replace (7.1)", s.toReplace()),
                row("to review at renewal (7.1)", s.toReviewAtRenewal()),
                row("past service life (7.2)", s.pastServiceLife()));
        List<String[]> findings = new ArrayList<>();
        s.topFindings().forEach(e -> findings.add(row(LogText.escape(e.getKey()), e.getValue())));
        int label = 0;
        int number = 0;
        for (List<String[]> rows : List.of(counts, decisions, holdings, findings)) {
            for (String[] r : rows) {
                label = Math.max(label, r[0].length());
                number = Math.max(number, r[1].length());
            }
        }
        String format = "  %-" + label + "s  %" + number + "s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "scanned %,d lines%s in %.1f s (%,.0f lines/s)%n", s.lines(),
                s.resumedLines() > 0 ? String.format(Locale.ROOT, " (%,d of them by the interrupted scan)",
                        s.resumedLines()) : "", s.elapsed().toNanos() / 1e9, s.rate()));
        section(out, null, counts, format);
        section(out, "decisions", decisions, format);
        section(out, "holdings (with --as-of)", holdings, format);
        if (!findings.isEmpty()) {
            section(out, "most frequent findings", findings, format);
        }
        if (!s.firstErrors().isEmpty()) {
            out.append("input errors").append(s.inputErrors() > s.firstErrors().size()
                    ? " (first " + s.firstErrors().size() + " of " + s.inputErrors() + ")" : "").append('\n');
            for (ScanSummary.LineError e : s.firstErrors()) {
                out.append("  line ").append(e.line()).append(": ")
                        .append(LogText.escape((e.path().isEmpty() ? "" : e.path() + ": ") + e.message())).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] row(String label, long count) {
        return new String[] {label, String.format(Locale.ROOT, "%,d", count)};
    }

    private static void section(StringBuilder out, String title, List<String[]> rows, String format) {
        if (title != null) {
            out.append(title).append('\n');
        }
        for (String[] r : rows) {
            out.append(String.format(Locale.ROOT, format, r[0], r[1]));
        }
    }

    /** The summary as JSON, keys in a fixed order. */
    static ObjectNode json(ScanSummary s) {
        ObjectNode o = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        o.put("lines", s.lines());
        o.put("assessed", s.assessed());
        o.put("inputErrors", s.inputErrors());
        o.put("blankLines", s.blankLines());
        ObjectNode decisions = o.putObject("byDecision");
        s.byDecision().forEach(decisions::put);
        o.put("toReplace", s.toReplace());
        o.put("toReviewAtRenewal", s.toReviewAtRenewal());
        o.put("pastServiceLife", s.pastServiceLife());
        ArrayNode top = o.putArray("topFindings");
        s.topFindings().forEach(e -> top.addObject().put("ruleId", e.getKey()).put("count", e.getValue()));
        ArrayNode errors = o.putArray("errors");
        s.firstErrors().forEach(e -> errors.addObject().put("line", e.line()).put("path", e.path())
                .put("message", e.message()));
        o.put("resumedLines", s.resumedLines());
        o.put("elapsedSeconds", Math.round(s.elapsed().toMillis() / 100.0) / 10.0);
        o.put("linesPerSecond", Math.round(s.rate()));
        return o;
    }

    /**
     * Progress from the lines finished: on a terminal a bar redrawn in place (percent and ETA from
     * the input size and the bytes of the finished lines), otherwise a plain line every 5 seconds.
     */
    static final class ProgressPrinter implements PortfolioScanner.Progress {
        private final PrintWriter err;
        private final long size;
        private final boolean terminal;
        private long baseLines;
        private long baseBytes;
        private long lastPlain;
        private int drawn; // width of the last bar drawn
        private boolean drew;

        ProgressPrinter(PrintWriter err, long size, boolean terminal) {
            this.err = err;
            this.size = size;
            this.terminal = terminal;
        }

        @Override
        public void resumed(long lines, long bytes) {
            baseLines = lines;
            baseBytes = bytes;
        }

        @Override
        public void update(long lines, long bytes, Duration elapsed) {
            String line = line(lines, bytes, elapsed);
            if (terminal) {
                // Padded to the last width, so that a shorter redraw leaves nothing of the longer one.
                err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                err.flush();
                drawn = line.length();
                drew = true;
            } else if (elapsed.toMillis() - lastPlain >= 5_000) {
                lastPlain = elapsed.toMillis();
                err.println("progress: " + line);
                err.flush();
            }
        }

        /** The progress text, without the bar's carriage return. */
        String line(long lines, long bytes, Duration elapsed) {
            double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
            double rate = (lines - baseLines) / seconds;
            double fraction = size > 0 ? Math.min(1.0, (double) bytes / size) : -1;
            String eta = "";
            if (fraction >= 0 && fraction < 1 && bytes > baseBytes) {
                long left = Math.round(seconds * (size - bytes) / (bytes - baseBytes));
                eta = left >= 3600 ? String.format(Locale.ROOT, ", ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                        : String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60);
            }
            String bar = "";
            if (fraction >= 0) {
                int filled = (int) Math.floor(fraction * 30);
                bar = (terminal ? "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " : "")
                        + String.format(Locale.ROOT, "%3d%% ", (int) Math.floor(fraction * 100));
            }
            return String.format(Locale.ROOT, "%s%,d lines, %,.0f lines/s%s", bar, lines, rate, eta);
        }

        void finish() {
            if (drew) {
                err.println();
                err.flush();
                drew = false;
            }
        }
    }

}
