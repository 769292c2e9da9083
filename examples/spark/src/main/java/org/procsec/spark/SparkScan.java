package org.procsec.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.procsec.model.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scans a JSON-lines portfolio on Spark: the input is split by lines into partitions, and each
 * partition builds one PolicyEngine (the engine is thread-safe and stateless per assessment) and
 * assesses its lines. Usage: SparkScan INPUT OUTPUT_DIR [AS_OF] [MASTER].
 */
public final class SparkScan {
    private SparkScan() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SparkScan INPUT OUTPUT_DIR [AS_OF] [MASTER]");
            System.exit(2);
        }
        String asOf = args.length > 2 ? args[2] : null;
        String master = args.length > 3 ? args[3] : "local[2]";
        SparkConf conf = new SparkConf().setAppName("procsec-scan").setMaster(master)
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        long start = System.nanoTime();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            JavaRDD<String> lines = spark.textFile(args[0]);
            JavaRDD<String> out = lines.mapPartitions((Iterator<String> part) -> assessPartition(part, asOf));
            out.cache();
            out.saveAsTextFile(args[1]);
            Map<String, Long> byDecision = out.map(SparkScan::decisionOf).countByValue();
            System.out.printf("assessed %d lines in %.1f s on %s: %s%n", out.count(),
                    (System.nanoTime() - start) / 1e9, master, new java.util.TreeMap<>(byDecision));
        }
    }

    private static final int CHUNK = 256;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Iterator<String> assessPartition(Iterator<String> lines, String asOf) throws RuleBuildException {
        PolicyEngine engine = PolicyEngine.builder().build(); // one engine per partition
        LocalDate date = asOf == null ? null : LocalDate.parse(asOf);
        List<String> out = new ArrayList<>();
        // Requests are assessed a chunk at a time, several per rule session (PolicyEngine.assessAll);
        // an input error keeps its place among the assessments.
        List<PurchaseRequest> chunk = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            try {
                chunk.add(RequestJson.parse(line, new ArrayList<>()));
                slots.add(out.size());
                out.add(null);
            } catch (InvalidRequestException e) {
                out.add("{\"error\":" + MAPPER.valueToTree(e.getMessage()) + "}");
            }
            if (chunk.size() == CHUNK) {
                flush(engine, date, chunk, slots, out);
            }
        }
        flush(engine, date, chunk, slots, out);
        return out.iterator();
    }

    private static void flush(PolicyEngine engine, LocalDate date, List<PurchaseRequest> chunk, List<Integer> slots,
                              List<String> out) {
        List<Assessment> done = engine.assessAll(chunk, date);
        for (int i = 0; i < done.size(); i++) {
            out.set(slots.get(i), AssessmentJson.writeCompact(done.get(i)));
        }
        chunk.clear();
        slots.clear();
    }

    private static String decisionOf(String json) throws Exception {
        var node = MAPPER.readTree(json);
        return node.has("decision") ? node.get("decision").asText() : "INPUT_ERROR";
    }
}
