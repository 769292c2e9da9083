package org.procsec.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.PurchaseRequest;
import org.procsec.internal.scan.PortfolioGenerator;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules precompiled at build time (RulePrecompiler, Maven process-classes) are used
 * for exactly the rule files they were made from, and assess exactly as the DRL build does.
 */
class PrecompiledRulesTest {

    @Test
    void theBuildPrecompiledTheCurrentBundledRules() {
        assertThat(PrecompiledRules.fingerprint()).as("run by Maven, process-classes")
                .contains(RuleSource.bundled().fingerprint());
    }

    @Test
    void bundledRules_loadFromThePrecompiledModel_editedRulesFromDrl() throws Exception {
        assertThat(isExecutableModel(RuleCompiler.compile(RuleSource.bundled()).kieBase())).isTrue();
        assertThat(isExecutableModel(RuleCompiler.compile(edited()).kieBase())).isFalse();
    }

    @Test
    void anotherFingerprint_getsNothingPrecompiled() {
        var conf = KieServices.Factory.get().newKieBaseConfiguration();
        assertThat(PrecompiledRules.kieBase("sha256:" + "0".repeat(64), conf)).isEmpty();
        assertThat(PrecompiledRules.matches("sha256:" + "0".repeat(64))).isFalse();
        assertThat(PrecompiledRules.takePrefetched("sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void rulesAlreadyCompiled_areNotPrefetchedAgain() throws Exception {
        String fingerprint = RuleSource.bundled().fingerprint();
        RuleCompiler.compile(RuleSource.bundled());
        RuleCompiler.prefetchPrecompiled();
        assertThat(PrecompiledRules.takePrefetched(fingerprint)).as("a load nobody would take").isEmpty();
    }

    @Test
    void aModelThatDoesNotLoad_fallsBackToNothing_notToAnError() {
        var conf = KieServices.Factory.get().newKieBaseConfiguration();
        String fingerprint = RuleSource.bundled().fingerprint();
        java.util.Properties missing = new java.util.Properties();
        missing.setProperty("fingerprint", fingerprint);
        missing.setProperty("model", "org.procsec.rules.NoSuchModel");
        assertThat(PrecompiledRules.kieBase(missing, fingerprint, conf)).isEmpty();
        java.util.Properties notAModel = new java.util.Properties();
        notAModel.setProperty("fingerprint", fingerprint);
        notAModel.setProperty("model", "java.lang.Object");
        assertThat(PrecompiledRules.kieBase(notAModel, fingerprint, conf)).isEmpty();
    }

    @Test
    void precompiledAndDrl_assessAlike() throws Exception {
        PolicyEngine precompiled = PolicyEngine.builder().rules(RuleSource.bundled()).build();
        PolicyEngine drl = PolicyEngine.builder().rules(edited()).build();
        List<PurchaseRequest> requests = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            for (Path p : (Iterable<Path>) examples.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
                requests.add(RequestJson.parse(Files.readString(p)));
            }
        }
        StringWriter w = new StringWriter();
        new PortfolioGenerator(5, 0).write(300, w);
        for (String line : w.toString().split("\n")) {
            requests.add(RequestJson.parse(line));
        }
        LocalDate today = LocalDate.of(2026, 11, 22);
        for (PurchaseRequest r : requests) {
            assertThat(withoutFingerprint(precompiled.assess(r))).as(r.id())
                    .isEqualTo(withoutFingerprint(drl.assess(r)));
            assertThat(withoutFingerprint(precompiled.assess(r, today))).as(r.id())
                    .isEqualTo(withoutFingerprint(drl.assess(r, today)));
        }
    }

    @Test
    void theBundledRulesShareSessions_fromTheModelAsFromDrl() throws Exception {
        // The run time checks for rules on reference data alone only when it builds from DRL; the
        // model is made only from rules that pass the check.
        CompiledRules precompiled = RuleCompiler.compile(RuleSource.bundled());
        assertThat(precompiled.batchable()).isTrue();
        assertThat(RuleCompiler.compile(edited()).batchable()).isTrue();
        assertThat(RuleCompiler.checkReferenceOnly(precompiled.kieBase(), precompiled.referenceData(),
                precompiled.rules())).isEmpty();
    }

    @Test
    void aRuleOnReferenceDataAlone_isNotPrecompiled(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // A classes directory as Maven's process-classes sees it: the rules under their resource path.
        Path rules = org.procsec.TestRules.bundledWith(tmp.resolve(RuleSource.BUNDLED_ROOT), "2-classification.drl",
                "\nrule \"SEC-2.5-everyone a sector derived from reference data alone\"\nwhen\n"
                + "    Parameters()\nthen\n"
                + "    insertLogical(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n");
        Path marker = tmp.resolve(PrecompiledRules.RESOURCE);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "stale\n");
        RulePrecompiler.main(new String[] {tmp.toString()});
        assertThat(marker).as("the run time builds such rules from DRL, which keeps requests apart").doesNotExist();
    }

    /** The bundled rules plus an empty DRL file: the same rules, another fingerprint. */
    private static RuleSource edited() {
        TreeMap<String, byte[]> files = new TreeMap<>(RuleSource.bundled().files());
        files.put("9-empty.drl", "package org.procsec.rules;\n".getBytes(StandardCharsets.UTF_8));
        return RuleSource.of("edited", files);
    }

    private static ObjectNode withoutFingerprint(org.procsec.model.Assessment a) {
        ObjectNode n = org.procsec.internal.json.AssessmentNodes.toNode(a);
        ((ObjectNode) n.get("policy")).remove("fingerprint");
        return n;
    }

    private static boolean isExecutableModel(KieBase kieBase) {
        RuleImpl rule = (RuleImpl) kieBase.getKiePackage("org.procsec.rules").getRules().iterator().next();
        return rule.getConsequence().getClass().getName().contains("LambdaConsequence");
    }
}
