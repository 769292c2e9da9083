package org.procsec.api;

import org.procsec.ruleset.RuleSource;

import org.junit.jupiter.api.Test;
import org.procsec.TestRules;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules cannot be taken over from the class path (issue 13.4). The test class path
 * holds decoys (src/test/resources and src/test/java/rules, ahead of procsec's own classes): a
 * host's {@code rules/} folder with its own DRL and parameters.json, a class in a top-level
 * {@code rules} package, and even a {@code org/procsec/rules/reference/parameters.json} earlier on
 * the class path than procsec's own.
 */
class BundledRulesNamespaceTest {

    @Test
    void decoysAreOnTheClassPath() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("rules/reference/parameters.json")).isNotNull();
        assertThat(loader.getResource("rules/0-host.drl")).isNotNull();
        // The first org/procsec/rules/reference/parameters.json on the class path is the decoy.
        assertThat(loader.getResource("org/procsec/rules/reference/parameters.json").toString())
                .contains("test-classes");
        assertThat(rules.HostRules.OWNER).isEqualTo("host");
    }

    @Test
    void bundledRules_areProcsecsOwn_whateverTheClassPathHolds() throws Exception {
        RuleSource bundled = RuleSource.bundled();
        assertThat(bundled.fingerprint()).isEqualTo(RuleSource.directory(TestRules.BUNDLED).fingerprint());
        assertThat(bundled.files()).doesNotContainKey("0-host.drl");
        assertThat(new String(bundled.files().get("reference/parameters.json"), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("DECOY");
        PolicyEngine engine = PolicyEngine.builder().build();
        assertThat(engine.edition()).isEqualTo("2026.2");
        assertThat(engine.rules()).noneMatch(r -> r.id().startsWith("HOST-"));
    }

    @Test
    void bundledRules_assessAsTheSourceFolderDoes() throws Exception {
        var request = RequestJson.parse(Files.readString(Path.of("examples/pspc-hikvision-cameras.json")));
        LocalDate asOf = LocalDate.parse("2026-11-22");
        Assessment bundled = PolicyEngine.builder().build().assess(request, asOf);
        Assessment folder = PolicyEngine.builder().rulesDirectory(TestRules.BUNDLED).build().assess(request, asOf);
        assertThat(bundled).isEqualTo(folder);
    }

    @Test
    void generatedClasses_liveUnderOrgProcsec() throws Exception {
        Properties record = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/procsec/precompiled-rules.properties")) {
            assertThat(in).as("the build step's record").isNotNull();
            record.load(in);
        }
        assertThat(record.getProperty("model")).startsWith("org.procsec.rules.Rules");
        Path classes = Path.of(RuleSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("rules")).doesNotExist();
        try (var files = Files.list(classes)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("org", "META-INF");
        }
    }
}
