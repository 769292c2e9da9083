package org.procsec.internal.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a JSON-lines portfolio (one request per line, UTF-8) through one engine: one compact
 * record per non-blank line out, in input order, each with {@code "line": N} (1-based) first: the
 * assessment JSON, or an error record {@code {"line":N,"errors":[{"path":...,"message":...}]}}
 * for a line that is not a valid request (bad JSON, bytes that are not UTF-8, a line over
 * {@link #MAX_LINE_BYTES}), and the scan goes on. Lines end at LF only; a CR before the LF is
 * dropped, a CR elsewhere is JSON whitespace. Blank lines give no record and are counted.
 *
 * <p>Memory stays flat whatever the input: lines are read in chunks (at most {@value #CHUNK}
 * lines or 1 MiB), at most {@code 4 × threads} chunks and {@value #BUDGET_MIB} MiB of input are
 * in flight, a line over the limit is read past without being held, and each chunk is written
 * (and flushed) as soon as the chunks before it are.
 *
 * <p>Any failure (the input cannot be read, the output cannot be written, a worker or the reading
 * thread fails) stops the scan with a {@link ScanException}; the records written until then are
 * complete, so the scan can go on with {@link #resume}.
 */
public final class PortfolioScanner {
    /** How many input errors the summary lists (all are counted). */
    public static final int MAX_REPORTED_ERRORS = 100;
    /**
     * Longest line read, in bytes (without its line end): three bytes per character of a request's
     * limit, the most UTF-8 takes. A longer line is an error record and is never held in memory.
     */
    public static final int MAX_LINE_BYTES = 3 * RequestJson.MAX_DOCUMENT_CHARS;
    private static final int CHUNK = 256;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int BUDGET_MIB = 64;

    /** Called now and then from the writing thread. */
    public interface Progress {
        /**
         * Once, before the first {@link #update}, when the scan goes on from an interrupted one.
         *
         * @param lines lines whose records the interrupted scan wrote (or that were blank)
         * @param bytes input bytes of those lines
         */
        default void resumed(long lines, long bytes) {
        }

        /**
         * @param lines   lines finished so far (written, or blank), resumed ones included
         * @param bytes   input bytes of the lines finished so far (line ends included)
         * @param elapsed time since this scan started
         */
        void update(long lines, long bytes, Duration elapsed);
    }

    private final PolicyEngine engine;
    private final LocalDate asOf;
    private final int threads;
    private final Progress progress;

    /**
     * @param engine   the engine, shared by the workers
     * @param asOf     review date (POLICY 7.1), or null for each request's award date
     * @param threads  worker threads, at least 1
     * @param progress progress callback, or null
     */
    public PortfolioScanner(PolicyEngine engine, LocalDate asOf, int threads, Progress progress) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected >= 1, got " + threads);
        }
        this.asOf = asOf;
        this.threads = threads;
        this.progress = progress;
    }

    /** The records of one line: its number, its output (null for a blank line) and what the summary counts. */
    private record Result(long number, String json, Assessment assessment, InputProblem error, long bytes) {
    }

    private record Done(List<Result> results, int permits) {
    }

    /** Scans {@code in} to {@code out}; returns the summary. */
    public ScanSummary scan(InputStream in, Writer out) {
        return run(in, out, null);
    }

    /**
     * Goes on with a scan that was interrupted: the input's lines up to the last record kept in
     * {@code previous} are read and checked against the kept records (same line numbers, blank
     * lines where there are no records), but not assessed; the scan goes on from the next line.
     * {@code out} must be the output file cut to {@link ScanResume#keptBytes()} and opened for
     * appending; the finished file is then the same, byte for byte, as an uninterrupted scan's.
     * The summary covers the whole portfolio.
     */
    public ScanSummary resume(InputStream in, Writer out, ScanResume previous) {
        return run(in, out, Objects.requireNonNull(previous, "previous"));
    }

    private ScanSummary run(InputStream in, Writer out, ScanResume previous) {
        long start = System.nanoTime();
        LineReader reader = new LineReader(in, MAX_LINE_BYTES);
        Tally tally = previous == null ? new Tally() : previous.tally();
        long[] finished = {0, 0}; // lines, bytes
        if (previous != null) {
            skip(reader, previous, tally, finished);
            tally.resumed = finished[0];
            if (progress != null) {
                progress.resumed(finished[0], finished[1]);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "procsec-scan");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Done>> inFlight = new ArrayBlockingQueue<>(4 * threads + 1);
        Semaphore budget = new Semaphore(BUDGET_MIB << 10); // KiB of input in flight
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread readerThread = new Thread(() -> read(reader, pool, inFlight, budget, readFailure), "procsec-scan-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        long lastLine = finished[0];
        boolean ended = false;
        try {
            long lastReport = System.nanoTime();
            while (true) {
                Future<Done> next = inFlight.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (!readerThread.isAlive() && inFlight.isEmpty()) {
                        break; // the reader stopped without its end mark: it failed
                    }
                    continue;
                }
                Done done = next.get();
                if (done == null) {
                    ended = true;
                    break;
                }
                for (Result r : done.results()) {
                    if (r.json() != null) {
                        try {
                            out.write(r.json());
                            out.write('\n');
                        } catch (IOException e) {
                            throw writeFailure(e, r.number());
                        }
                    }
                    count(tally, r);
                    lastLine = r.number();
                    finished[0]++;
                    finished[1] += r.bytes();
                }
                try {
                    out.flush(); // records reach the file (or pipe) a chunk at a time: a failure shows at once
                } catch (IOException e) {
                    throw writeFailure(e, lastLine);
                }
                budget.release(done.permits());
                if (progress != null && System.nanoTime() - lastReport > 200_000_000L) {
                    lastReport = System.nanoTime();
                    progress.update(finished[0], finished[1], Duration.ofNanos(lastReport - start));
                }
            }
            Throwable failure = readFailure.get();
            if (failure instanceof IOException e) { // the reader has ended: its count is safe to read
                throw new ScanException(ScanException.Kind.READ, "cannot read line " + (reader.lines() + 1) + ": "
                        + message(e), e);
            }
            if (failure != null || !ended) {
                throw new ScanException(ScanException.Kind.INTERNAL, "the scan failed reading line "
                        + (lastLine + 1) + ": " + (failure == null ? "the reading thread stopped" : message(failure)),
                        failure);
            }
            if (progress != null) {
                progress.update(finished[0], finished[1], Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(ScanException.Kind.INTERNAL, "the scan was interrupted after line " + lastLine, e);
        } catch (ExecutionException e) {
            throw new ScanException(ScanException.Kind.INTERNAL, "the scan failed on a line after line " + lastLine
                    + ": " + e.getCause().getClass().getSimpleName() + ": " + message(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
            readerThread.interrupt();
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Reads the lines the kept records cover, checking that they match. */
    private static void skip(LineReader reader, ScanResume previous, Tally tally, long[] finished) {
        int next = 0;
        try {
            while (next < previous.records()) {
                LineReader.Line l = reader.next();
                if (l == null) {
                    throw new ScanException(ScanException.Kind.RESUME, previous.file() + " has records up to line "
                            + previous.lastLine() + ", but the input has only " + reader.lines()
                            + " lines: not the output of a scan of this input; not resuming", null);
                }
                if (l.blank()) {
                    if (previous.line(next) == l.number()) {
                        throw new ScanException(ScanException.Kind.RESUME, previous.file() + " has a record for line "
                                + l.number() + ", which is blank in the input: not the output of a scan of this input;"
                                + " not resuming", null);
                    }
                    tally.blankLine(); // the kept records count the rest
                } else if (previous.line(next) != l.number()) {
                    throw new ScanException(ScanException.Kind.RESUME, previous.file() + " has no record for line "
                            + l.number() + " of the input (its next record is for line " + previous.line(next)
                            + "): not the output of a scan of this input; not resuming", null);
                } else {
                    next++;
                }
                finished[0]++;
                finished[1] += l.consumed();
            }
        } catch (IOException e) {
            throw new ScanException(ScanException.Kind.READ, "cannot read line " + (reader.lines() + 1) + ": "
                    + message(e), e);
        }
    }

    private void read(LineReader reader, ExecutorService pool, BlockingQueue<Future<Done>> inFlight,
                      Semaphore budget, AtomicReference<Throwable> failure) {
        try {
            List<LineReader.Line> chunk = new ArrayList<>(CHUNK);
            long bytes = 0;
            for (LineReader.Line l; (l = reader.next()) != null; ) {
                chunk.add(l);
                bytes += l.bytes() == null ? 0 : l.bytes().length;
                if (chunk.size() == CHUNK || bytes >= CHUNK_BYTES) {
                    submit(chunk, bytes, pool, inFlight, budget);
                    chunk = new ArrayList<>(CHUNK);
                    bytes = 0;
                }
            }
            if (!chunk.isEmpty()) {
                submit(chunk, bytes, pool, inFlight, budget);
            }
            inFlight.put(CompletableFuture.completedFuture(null)); // end of input
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer stopped
        } catch (Throwable t) { // IOException, or anything else: the writer reports it
            failure.set(t);
        }
    }

    private void submit(List<LineReader.Line> chunk, long bytes, ExecutorService pool,
                        BlockingQueue<Future<Done>> inFlight, Semaphore budget) throws InterruptedException {
        int permits = (int) Math.min(BUDGET_MIB << 10, 1 + bytes / 1024);
        budget.acquire(permits);
        inFlight.put(pool.submit(() -> new Done(assessAll(chunk), permits)));
    }

    /** The chunk's records in line order; its requests are assessed together (PolicyEngine.assessAll). */
    private List<Result> assessAll(List<LineReader.Line> lines) {
        Result[] out = new Result[lines.size()];
        List<PurchaseRequest> requests = new ArrayList<>(lines.size());
        int[] slotOf = new int[lines.size()];
        List<String> ignoredWarnings = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            LineReader.Line line = lines.get(k);
            if (line.blank()) {
                out[k] = new Result(line.number(), null, null, null, line.consumed());
            } else if (line.oversize()) {
                out[k] = error(line, List.of(new InputProblem("", "line of " + line.length() + " bytes (expected at most "
                        + MAX_LINE_BYTES + " bytes: a request is at most " + RequestJson.MAX_DOCUMENT_CHARS
                        + " characters); not read")));
            } else {
                try {
                    requests.add(RequestJson.parse(line.bytes(), ignoredWarnings));
                    slotOf[requests.size() - 1] = k;
                } catch (InvalidRequestException e) {
                    out[k] = error(line, e.problems());
                }
                ignoredWarnings.clear();
            }
        }
        List<Assessment> assessed = engine.assessAll(requests, asOf);
        for (int j = 0; j < assessed.size(); j++) {
            LineReader.Line line = lines.get(slotOf[j]);
            Assessment a = assessed.get(j);
            out[slotOf[j]] = new Result(line.number(),
                    org.procsec.internal.json.AssessmentNodes.compactWithLine(line.number(), a), a, null, line.consumed());
        }
        return java.util.Arrays.asList(out);
    }

    private static Result error(LineReader.Line line, List<InputProblem> problems) {
        ObjectNode err = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        err.put("line", line.number());
        ArrayNode errors = err.putArray("errors");
        for (InputProblem p : problems) {
            errors.addObject().put("path", p.path()).put("message", p.message());
        }
        return new Result(line.number(), org.procsec.internal.json.AssessmentNodes.compact(err), null, problems.get(0), line.consumed());
    }

    private static void count(Tally tally, Result r) {
        if (r.json() == null) {
            tally.blankLine();
        } else if (r.error() != null) {
            tally.error(r.number(), r.error());
        } else {
            tally.assessment(r.assessment());
        }
    }

    private static ScanException writeFailure(IOException e, long line) {
        return new ScanException(ScanException.Kind.WRITE, message(e) + " (at the record of line " + line + ")", e, line);
    }

    /** A failure in words: its message, or what it is when it has none. */
    private static String message(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + ")";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
