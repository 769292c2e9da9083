package org.procsec.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.api.InputProblem;
import org.procsec.api.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;
import org.procsec.model.HoldingAction;
import org.procsec.model.Outcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams a JSON-lines portfolio (one request per line) through one engine: one compact
 * assessment JSON per line out, in input order. A line that is not a valid request becomes an
 * error record {@code {"line":N,"errors":[{"path":...,"message":...}]}} and the scan goes on.
 *
 * <p>Memory stays flat whatever the input size: lines are read in chunks, at most
 * {@code 4 × threads} chunks are in flight, and each is written as soon as the chunks before it are.
 */
public final class PortfolioScanner {
    /** How many input errors the summary lists (all are counted). */
    public static final int MAX_REPORTED_ERRORS = 100;
    private static final int CHUNK = 256;
    private static final int TOP_FINDINGS = 10;

    /** Called now and then from the writing thread. */
    public interface Progress {
        /**
         * @param lines   lines written so far
         * @param chars   characters read so far (for an estimate against the input size)
         * @param elapsed time since the scan started
         */
        void update(long lines, long chars, Duration elapsed);
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

    private record Line(long number, String text) {
    }

    private record Outcome1(long number, String json, Assessment assessment, List<InputProblem> errors) {
    }

    /** Scans {@code in} to {@code out}; returns the summary. I/O errors are thrown as {@link UncheckedIOException}. */
    public ScanSummary scan(BufferedReader in, Writer out) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "procsec-scan");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<List<Outcome1>>> inFlight = new ArrayBlockingQueue<>(4 * threads);
        Tally tally = new Tally();
        long[] charsRead = {0};
        java.util.concurrent.atomic.AtomicReference<IOException> readFailure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                long n = 0;
                List<Line> chunk = new ArrayList<>(CHUNK);
                String text;
                while ((text = in.readLine()) != null) {
                    n++;
                    charsRead[0] += text.length() + 1;
                    chunk.add(new Line(n, text));
                    if (chunk.size() == CHUNK) {
                        List<Line> batch = chunk;
                        inFlight.put(pool.submit(() -> assessAll(batch)));
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                List<Line> batch = chunk;
                inFlight.put(pool.submit(() -> assessAll(batch)));
                inFlight.put(CompletableFuture.completedFuture(null)); // end of input
            } catch (IOException e) {
                readFailure.set(e);
                try {
                    inFlight.put(CompletableFuture.completedFuture(null)); // let the writer stop
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "procsec-scan-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long written = 0;
            long lastReport = System.nanoTime();
            while (true) {
                List<Outcome1> results = inFlight.take().get();
                if (results == null) {
                    break;
                }
                for (Outcome1 r : results) {
                    tally.add(r);
                    if (r.json() != null) {
                        out.write(r.json());
                        out.write('\n');
                    }
                }
                written += results.size();
                if (progress != null && System.nanoTime() - lastReport > 200_000_000L) {
                    lastReport = System.nanoTime();
                    progress.update(written, charsRead[0], Duration.ofNanos(lastReport - start));
                }
            }
            out.flush();
            reader.join();
            if (readFailure.get() != null) {
                throw readFailure.get();
            }
            if (progress != null) {
                progress.update(tally.lines, charsRead[0], Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            reader.interrupt();
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - start));
    }

    private List<Outcome1> assessAll(List<Line> lines) {
        List<Outcome1> out = new ArrayList<>(lines.size());
        List<String> ignoredWarnings = new ArrayList<>();
        for (Line line : lines) {
            if (line.text().isBlank()) {
                out.add(new Outcome1(line.number(), null, null, null));
                continue;
            }
            try {
                Assessment a = engine.assess(RequestJson.parse(line.text(), ignoredWarnings), asOf);
                ignoredWarnings.clear();
                out.add(new Outcome1(line.number(), AssessmentJson.compact(AssessmentJson.toNode(a)), a, null));
            } catch (InvalidRequestException e) {
                ObjectNode err = AssessmentJson.nodes().objectNode();
                err.put("line", line.number());
                ArrayNode errors = err.putArray("errors");
                for (InputProblem p : e.problems()) {
                    errors.addObject().put("path", p.path()).put("message", p.message());
                }
                out.add(new Outcome1(line.number(), AssessmentJson.compact(err), null, e.problems()));
            }
        }
        return out;
    }

    /** Counts, kept by the writing thread only. */
    private static final class Tally {
        long lines;
        long assessed;
        long blank;
        long replace;
        long review;
        long pastLife;
        long errors;
        final Map<String, Long> decisions = new TreeMap<>();
        final Map<String, Long> findings = new HashMap<>();
        final List<ScanSummary.LineError> firstErrors = new ArrayList<>();

        void add(Outcome1 r) {
            lines++;
            if (r.json() == null) {
                blank++;
            } else if (r.errors() != null) {
                errors++;
                if (firstErrors.size() < MAX_REPORTED_ERRORS) {
                    InputProblem p = r.errors().get(0);
                    firstErrors.add(new ScanSummary.LineError(r.number(), p.path(), p.message()));
                }
            } else {
                Assessment a = r.assessment();
                assessed++;
                decisions.merge(a.decision().name(), 1L, Long::sum);
                if (a.holding() != null) {
                    replace += a.holding().action() == HoldingAction.REPLACE ? 1 : 0;
                    review += a.holding().action() == HoldingAction.REVIEW_AT_RENEWAL ? 1 : 0;
                    pastLife += a.holding().pastServiceLife() ? 1 : 0;
                }
                for (Finding f : a.findings()) {
                    if (f.outcome() != Outcome.INFO) {
                        findings.merge(f.ruleId(), 1L, Long::sum);
                    }
                }
            }
        }

        ScanSummary summary(Duration elapsed) {
            List<Map.Entry<String, Long>> top = findings.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_FINDINGS).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            return new ScanSummary(lines, assessed, decisions, replace, review, pastLife, top, errors, firstErrors,
                    blank, elapsed);
        }
    }
}
