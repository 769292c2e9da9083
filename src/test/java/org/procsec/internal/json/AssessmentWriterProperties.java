package org.procsec.internal.json;

import org.junit.jupiter.api.Test;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;
import org.procsec.model.PurchaseRequest;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming writer (issue 15.1) gives exactly the bytes of the tree it replaced: on thousands
 * of assessments, with and without holdings, and with hostile text in every string it writes.
 */
class AssessmentWriterProperties {

    private static String throughTree(Assessment a) {
        return AssessmentNodes.compact(AssessmentNodes.toNode(a));
    }

    @Test
    void streamedAssessments_areByteForByteTheTreesBytes() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        StringWriter w = new StringWriter();
        new PortfolioGenerator(31, 0).write(2_000, w);
        List<PurchaseRequest> requests = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            requests.add(RequestJson.parse(line, new ArrayList<>()));
        }
        List<Assessment> all = new ArrayList<>(engine.assessAll(requests, null));
        all.addAll(engine.assessAll(requests, LocalDate.of(2026, 11, 22)));
        int withHolding = 0;
        for (int i = 0; i < all.size(); i++) {
            Assessment a = all.get(i);
            withHolding += a.holding() != null ? 1 : 0;
            assertThat(AssessmentNodes.compact(a)).isEqualTo(throughTree(a));
            assertThat(AssessmentNodes.write(a)).isEqualTo(AssessmentNodes.pretty(AssessmentNodes.toNode(a)));
            String tree = throughTree(a);
            assertThat(AssessmentNodes.compactWithLine(i + 1, a)).isEqualTo("{\"line\":" + (i + 1) + "," + tree.substring(1));
        }
        assertThat(withHolding).isEqualTo(requests.size());
        List<Assessment> few = all.subList(0, 50);
        var array = AssessmentNodes.nodes().arrayNode();
        few.forEach(a -> array.add(AssessmentNodes.toNode(a)));
        assertThat(AssessmentNodes.write(few)).isEqualTo(AssessmentNodes.pretty(array));
    }

    @Test
    void hostileText_isEscapedExactlyAsTheTreeEscapesIt() throws Exception {
        Assessment base = TestEngines.bundled().assess(org.procsec.Requests.plain(), LocalDate.of(2026, 11, 22));
        String[] pieces = {"\u001b[2J", "\u0085", "\u2028", "\u202e", "\"", "\\", "\n", "\r", "\t", "\u0000", "é",
            "\ud83d\ude00", "\u009b", "\u200f", "/", "<script>", "\u007f", "\ufeff"};
        Random random = new Random(5);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]).append((char) ('a' + random.nextInt(26)));
            }
            String t = text.toString();
            Finding f = new Finding("SEC-2.5-x", "2.5", org.procsec.model.Outcome.INFO, t, random.nextBoolean() ? t : null);
            Assessment a = new Assessment(t, base.decision(), base.sensitiveSectors(), base.requiredClearance(),
                    base.heldClearance(), base.cseReviewRequired(), base.prohibited(), base.conditions(), List.of(f),
                    base.policy(), base.holding());
            assertThat(AssessmentNodes.compact(a)).as(t).isEqualTo(throughTree(a));
            assertThat(AssessmentNodes.write(a)).as(t).isEqualTo(AssessmentNodes.pretty(AssessmentNodes.toNode(a)));
        }
    }
    @Test
    void longText_pastEveryBuffer_isWrittenWhole() throws Exception {
        // The writer starts with room for a usual assessment and grows; Jackson flushes its own buffer
        // every few thousand characters: text far past both must still come out whole and escaped alike.
        Assessment base = TestEngines.bundled().assess(org.procsec.Requests.plain(), LocalDate.of(2026, 11, 22));
        for (int length : new int[] {1, 511, 3_999, 4_000, 4_001, 20_000, 150_000}) {
            String t = ("ab\u202ec\u00e9\"" + "x".repeat(17)).repeat(length / 22 + 1).substring(0, length);
            List<Finding> findings = new java.util.ArrayList<>(base.findings());
            findings.add(new Finding("SEC-2.5-x", "2.5", org.procsec.model.Outcome.INFO, t, t));
            Assessment a = new Assessment("R-" + length, base.decision(), base.sensitiveSectors(),
                    base.requiredClearance(), base.heldClearance(), base.cseReviewRequired(), base.prohibited(),
                    base.conditions(), findings, base.policy(), base.holding());
            String compact = AssessmentNodes.compactWithLine(9, a);
            assertThat(compact).as("length %d", length).isEqualTo("{\"line\":9," + throughTree(a).substring(1));
            assertThat(compact).contains(t.replace("\u202e", "\\u202e").replace("\"", "\\\"").substring(0, Math.min(t.length(), 100)));
            assertThat(AssessmentNodes.write(a)).isEqualTo(AssessmentNodes.pretty(AssessmentNodes.toNode(a)));
        }
    }
}
