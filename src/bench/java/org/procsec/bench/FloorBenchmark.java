package org.procsec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.procsec.internal.refdata.BundledReference;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The floors of ScanBenchmark (issue 15): on the same generated portfolio (PortfolioGenerator seed
 * 1, 10,000 lines, as of 2026-11-22), lines per second of
 * <ul>
 *   <li>{@code plainJava}: the policy written out by hand (PlainJavaFloor), with the engine's own
 *       strict parser in (RequestJson) and an assessment-sized JSON object out, 1 or 2 threads;</li>
 *   <li>{@code jsonOnly}: reading each line into a Jackson tree and writing an assessment-sized
 *       object (an engine assessment of a generated request), nothing else.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloorBenchmark {
    static final int LINES = ScanBenchmark.LINES;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    @Param({"1", "2"})
    int threads;

    PlainJavaFloor floor;
    List<byte[]> lines;
    ObjectNode assessmentSized;
    ObjectMapper mapper;
    ExecutorService pool;

    @Setup
    public void setUp() throws Exception {
        floor = new PlainJavaFloor(BundledReference.data());
        PortfolioGenerator generator = new PortfolioGenerator(1, 0);
        lines = new ArrayList<>();
        for (int n = 0; n < LINES; n++) {
            lines.add(generator.next(n).getBytes(StandardCharsets.UTF_8));
        }
        Assessment a = org.procsec.TestEngines.bundled().assess(RequestJson.parse(new String(lines.get(0),
                StandardCharsets.UTF_8)), AS_OF);
        assessmentSized = org.procsec.internal.json.AssessmentNodes.toNode(a);
        mapper = org.procsec.internal.json.AssessmentNodes.mapper();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "floor");
            t.setDaemon(true);
            return t;
        });
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    private long run(Chunk work) throws Exception {
        List<Future<Long>> parts = new ArrayList<>();
        int per = (LINES + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int from = t * per;
            int to = Math.min(LINES, from + per);
            parts.add(pool.submit(() -> work.lines(from, to)));
        }
        long sum = 0;
        for (Future<Long> f : parts) {
            sum += f.get();
        }
        return sum;
    }

    interface Chunk {
        long lines(int from, int to) throws Exception;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long plainJava() throws Exception {
        return run((from, to) -> {
            long n = 0;
            for (int i = from; i < to; i++) {
                PurchaseRequest r = RequestJson.parse(lines.get(i), new ArrayList<>());
                PlainJavaFloor.Outcome o = floor.assess(r, AS_OF);
                ObjectNode node = mapper.createObjectNode();
                node.put("requestId", r.id());
                node.put("decision", o.decision().name());
                node.putPOJO("sensitiveSectors", o.sectors().toString());
                node.put("requiredClearance", o.requiredClearance().name());
                node.put("heldClearance", o.heldClearance().name());
                node.put("cseReviewRequired", o.cseReviewRequired());
                node.put("prohibited", o.prohibited());
                node.put("conditions", o.conditions().toString());
                node.set("findings", assessmentSized.get("findings"));
                node.set("policy", assessmentSized.get("policy"));
                mapper.writeValue(Writer.nullWriter(), node); // writeValue closes its target
                n++;
            }
            return n;
        });
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long jsonOnly() throws Exception {
        return run((from, to) -> {
            long n = 0;
            for (int i = from; i < to; i++) {
                JsonNode in = mapper.readTree(lines.get(i));
                ObjectNode node = assessmentSized.deepCopy();
                node.set("requestId", in.get("id"));
                mapper.writeValue(Writer.nullWriter(), node); // writeValue closes its target
                n++;
            }
            return n;
        });
    }
}
