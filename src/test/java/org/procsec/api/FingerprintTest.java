package org.procsec.api;

import org.procsec.ruleset.RuleSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.RuleDirs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint is what docs/fingerprint.md says: the shell pipeline given there recomputes
 * {@link RuleSource#fingerprint()}.
 */
class FingerprintTest {
    /** The one-liner of docs/fingerprint.md, run in the rule directory. */
    static final String PIPELINE = "find . -type f \\( -name '*.drl' -o -name '*.json' \\) ! -name '.*'"
            + " | sed 's|^\\./||' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum";

    @Test
    void shellPipeline_bundledRulesDirectory_givesTheFingerprint() throws Exception {
        Path dir = Path.of("src/main/resources/rules");
        String expected = RuleSource.directory(dir).fingerprint();
        assertThat(shell(dir)).isEqualTo(expected);
        assertThat(RuleSource.bundled().fingerprint()).isEqualTo(expected);
    }

    @Test
    void shellPipeline_nestedHiddenAndOtherFiles_givesTheFingerprint(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        Files.createDirectories(dir.resolve("reference/more"));
        Files.writeString(dir.resolve("reference/more/extra.json"), "{}");
        Files.writeString(dir.resolve("reference-old.json"), "{}"); // sorts between "reference/" entries in C order
        Files.writeString(dir.resolve(".hidden.drl"), "ignored");
        Files.writeString(dir.resolve("NOTES.md"), "ignored");
        Files.writeString(dir.resolve("Zeta.drl"), "// upper case sorts first in C order");
        RuleSource source = RuleSource.directory(dir);

        assertThat(source.files()).containsKeys("reference/more/extra.json", "reference-old.json", "Zeta.drl")
                .doesNotContainKeys(".hidden.drl", "NOTES.md");
        assertThat(shell(dir)).isEqualTo(source.fingerprint());
    }

    @Test
    void fingerprint_changesWithAnyByteOfAnyRuleFile_andNotWithOtherFiles(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        String before = RuleSource.directory(dir).fingerprint();
        Files.writeString(dir.resolve("README.txt"), "not a rule file");
        assertThat(RuleSource.directory(dir).fingerprint()).isEqualTo(before);

        Path params = dir.resolve("reference/parameters.json");
        Files.writeString(params, Files.readString(params) + " ");
        assertThat(RuleSource.directory(dir).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void fingerprint_dependsOnPaths_notOnlyContents(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        String before = RuleSource.directory(dir).fingerprint();
        Files.move(dir.resolve("6-conditions.drl"), dir.resolve("7-conditions.drl"));
        assertThat(RuleSource.directory(dir).fingerprint()).isNotEqualTo(before);
    }

    private static String shell(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "cd \"$1\" && " + PIPELINE, "fingerprint", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("sha256sum output").matches("[0-9a-f]{64}  -");
        return "sha256:" + out.substring(0, 64);
    }
}
