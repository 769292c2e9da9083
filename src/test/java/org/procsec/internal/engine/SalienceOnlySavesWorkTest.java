package org.procsec.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;
import org.procsec.internal.scan.PortfolioGenerator;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/authoring.md: salience only saves work. With every salience removed from the bundled DRL
 * the rules fire in another order, and truth maintenance must still give the same assessments.
 */
class SalienceOnlySavesWorkTest {
    @Test
    void withoutAnySalience_theAssessmentsAreTheSame() throws Exception {
        TreeMap<String, byte[]> files = new TreeMap<>();
        int removed = 0;
        for (var e : RuleSource.bundled().files().entrySet()) {
            if (e.getKey().endsWith(".drl")) {
                String drl = new String(e.getValue(), StandardCharsets.UTF_8);
                String without = drl.replaceAll("(?m)^salience -?\\d+\\n", "");
                removed += (drl.length() - without.length()) > 0 ? 1 : 0;
                files.put(e.getKey(), without.getBytes(StandardCharsets.UTF_8));
            } else {
                files.put(e.getKey(), e.getValue());
            }
        }
        assertThat(removed).as("files that had a salience").isGreaterThanOrEqualTo(3);
        PolicyEngine ordered = PolicyEngine.builder().build();
        PolicyEngine unordered = PolicyEngine.builder().rules(RuleSource.of("no salience", files)).build();

        StringWriter w = new StringWriter();
        new PortfolioGenerator(23, 0).write(300, w);
        LocalDate today = LocalDate.of(2026, 11, 22);
        for (String line : w.toString().split("\n")) {
            PurchaseRequest r = RequestJson.parse(line);
            assertThat(comparable(unordered.assess(r, today))).as(line).isEqualTo(comparable(ordered.assess(r, today)));
            assertThat(comparable(unordered.assess(r))).as(line).isEqualTo(comparable(ordered.assess(r)));
        }
    }

    private static ObjectNode comparable(Assessment a) {
        ObjectNode n = org.procsec.internal.json.AssessmentNodes.toNode(a);
        ((ObjectNode) n.get("policy")).remove("fingerprint");
        return n;
    }
}
