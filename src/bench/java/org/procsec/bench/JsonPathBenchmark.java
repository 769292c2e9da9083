package org.procsec.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.json.AssessmentNodes;
import org.procsec.internal.json.JsonTree;
import org.procsec.internal.json.RequestReader;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Java around the rules, per request of the generated mix (PortfolioGenerator seed 1, 10,000
 * lines, as of 2026-11-22), one thread (issue 15.1): reading a line as {@code scan} reads it,
 * writing an assessment as {@code scan} writes it, each beside the way it was done before
 * (a tree with every value's location; a tree written out).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonPathBenchmark {
    static final int LINES = 10_000;

    byte[][] lines;
    Assessment[] assessments;
    int next;

    @Setup
    public void setUp() throws Exception {
        PolicyEngine engine = PolicyEngine.builder().build();
        PortfolioGenerator generator = new PortfolioGenerator(1, 0);
        lines = new byte[LINES][];
        List<PurchaseRequest> requests = new ArrayList<>();
        for (int n = 0; n < LINES; n++) {
            lines[n] = generator.next(n).getBytes(StandardCharsets.UTF_8);
            requests.add(RequestJson.parse(lines[n], new ArrayList<>()));
        }
        assessments = engine.assessAll(requests, LocalDate.of(2026, 11, 22)).toArray(new Assessment[0]);
    }

    private int step() {
        int n = next;
        next = n + 1 == LINES ? 0 : n + 1;
        return n;
    }

    @Benchmark
    public PurchaseRequest parse() throws Exception {
        return RequestJson.parse(lines[step()], new ArrayList<>());
    }

    /** Before: the tree recorded the location of every value, which the request reader never uses. */
    @Benchmark
    public PurchaseRequest parseWithLocations() throws Exception {
        String text = org.procsec.internal.text.Utf8.decode(lines[step()]);
        return RequestReader.read(JsonTree.parse(text, RequestReader.MAX_VALUES).root(), new ArrayList<>());
    }

    @Benchmark
    public String write() {
        int n = step();
        return AssessmentNodes.compactWithLine(n + 1, assessments[n]);
    }

    /** Before: the assessment built as a tree, written out, and the line number spliced in. */
    @Benchmark
    public String writeThroughTree() {
        int n = step();
        String json = AssessmentNodes.compact(AssessmentNodes.toNode(assessments[n]));
        return "{\"line\":" + (n + 1) + "," + json.substring(1);
    }
}
