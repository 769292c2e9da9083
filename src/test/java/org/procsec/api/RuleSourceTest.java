package org.procsec.api;

import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestRules;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSourceTest {
    @Test
    void bundledAndDirectoryCopy_haveTheSameFilesAndFingerprint(@TempDir Path tmp) throws Exception {
        RuleSource bundled = RuleSource.bundled();
        RuleSource copy = RuleSource.directory(TestRules.copyBundled(tmp));
        assertThat(bundled.files().keySet()).contains("2-classification.drl", "reference/clauses.json")
                .isEqualTo(copy.files().keySet());
        assertThat(copy.fingerprint()).isEqualTo(bundled.fingerprint()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void directory_symlinkedDirectoryAndSubdirectory_areFollowed(@TempDir Path tmp) throws Exception {
        Path real = TestRules.copyBundled(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        RuleSource viaLink = RuleSource.directory(link);
        assertThat(viaLink.files().keySet()).isEqualTo(RuleSource.bundled().files().keySet());
        assertThat(viaLink.fingerprint()).isEqualTo(RuleSource.bundled().fingerprint());

        // reference/ as a link to a folder elsewhere
        Path split = Files.createDirectories(tmp.resolve("split"));
        for (Path f : (Iterable<Path>) Files.list(real)::iterator) {
            if (Files.isRegularFile(f)) {
                Files.copy(f, split.resolve(f.getFileName()));
            }
        }
        Files.createSymbolicLink(split.resolve("reference"), real.resolve("reference"));
        assertThat(RuleSource.directory(split).fingerprint()).isEqualTo(viaLink.fingerprint());
    }

    @Test
    void directory_symlinkLoop_isAnIOExceptionThatSaysSo(@TempDir Path tmp) throws Exception {
        Path dir = TestRules.copyBundled(tmp.resolve("r"));
        Files.createSymbolicLink(dir.resolve("reference/loop"), dir);
        assertThatThrownBy(() -> RuleSource.directory(dir)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("symbolic link loop");
    }

    @Test
    void fingerprint_changesWithOneByte_andIgnoresOtherFiles(@TempDir Path tmp) throws Exception {
        Path dir = TestRules.copyBundled(tmp);
        String before = RuleSource.directory(dir).fingerprint();
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.writeString(dir.resolve(".hidden.drl"), "junk");
        assertThat(RuleSource.directory(dir).fingerprint()).isEqualTo(before);
        TestRules.edit(dir.resolve("reference/parameters.json"), "\"maxDataRetentionDays\": 30",
                "\"maxDataRetentionDays\": 31");
        assertThat(RuleSource.directory(dir).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void expectFingerprint_refusesOtherRules(@TempDir Path tmp) throws Exception {
        Path dir = TestRules.copyBundled(tmp);
        String good = RuleSource.directory(dir).fingerprint();
        assertThat(PolicyEngine.builder().rules(RuleSource.directory(dir)).expectFingerprint(good).build()
                .fingerprint()).isEqualTo(good);
        TestRules.edit(dir.resolve("5-prohibitions.drl"), "prohibited-vendor list", "prohibited vendor list");
        assertThatThrownBy(() -> PolicyEngine.builder().rules(RuleSource.directory(dir)).expectFingerprint(good)
                .build()).isInstanceOf(RuleBuildException.class).hasMessageContaining("differs from the expected");
    }

    @Test
    void notADirectory_isAnIoError() {
        assertThatThrownBy(() -> RuleSource.directory(Path.of("no/such/dir"))).hasMessageContaining("not a directory");
    }

    @Test
    void pinnedEngine_refusesToReloadOtherRules_andKeepsServing(@TempDir Path tmp) throws Exception {
        Path dir = TestRules.copyBundled(tmp);
        RuleSource original = RuleSource.directory(dir);
        PolicyEngine engine = PolicyEngine.builder().rules(original).expectFingerprint(original.fingerprint()).build();
        TestRules.edit(dir.resolve("reference/security-departments.json"), "{ \"code\": \"CBSA\" }",
                "{ \"code\": \"CBSA\" }, { \"code\": \"CRA\" }");
        assertThatThrownBy(() -> engine.reload(RuleSource.directory(dir)))
                .isInstanceOf(RuleBuildException.class).hasMessageContaining("differs from the expected");
        assertThat(engine.fingerprint()).isEqualTo(original.fingerprint());
        engine.reload(original); // the pinned set itself may be reloaded
    }
}
