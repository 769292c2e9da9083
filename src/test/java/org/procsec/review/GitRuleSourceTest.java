package org.procsec.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.ruleset.RuleSource;
import org.procsec.cli.CliRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitRuleSourceTest {
    static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=procsec test",
                "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + output);
        }
    }

    /** A repository whose HEAD~1 has the bundled rules and HEAD has them without the Hikvision prohibition. */
    static Path repo(Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q");
        Path rules = ReviewFixtures.copyRules(repo.resolve("src/main/resources/rules"));
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "rules");
        ReviewFixtures.removeHikvisionFromProhibited(rules);
        git(repo, "commit", "-q", "-a", "-m", "drop Hikvision");
        return repo;
    }

    @Test
    void readsRuleSetsFromHistoryWithoutTheWorkingTree(@TempDir Path tmp) throws Exception {
        Path repo = repo(tmp);
        RuleSource before = GitRuleSource.load(repo, "git:HEAD~1");
        RuleSource after = GitRuleSource.load(repo, "git:HEAD:src/main/resources/rules/");
        assertThat(before.fingerprint()).isEqualTo(RuleSource.directory(ReviewFixtures.RULES).fingerprint());
        assertThat(after.fingerprint())
                .isEqualTo(RuleSource.directory(repo.resolve("src/main/resources/rules")).fingerprint())
                .isNotEqualTo(before.fingerprint());
        assertThat(before.description()).isEqualTo("git:HEAD~1");
        assertThatThrownBy(() -> GitRuleSource.load(repo, "git:no-such-ref")).hasMessageContaining("git ls-tree");
        assertThatThrownBy(() -> GitRuleSource.load(repo, "git:HEAD:nowhere")).hasMessageContaining("no rule files");
    }

    @Test
    void diffCommandComparesTwoCommits(@TempDir Path tmp) throws Exception {
        Path repo = repo(tmp);
        var run = CliRunner.run("diff", "--base", "git:HEAD~1", "--head", "git:HEAD", "--repo", repo.toString(),
                "--as-of", "2026-11-22", "--fail-on-change", "examples");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("base: git:HEAD~1", "head: git:HEAD", "1 changed",
                "- PRH-5.1-prohibited-vendor (5.1: Prohibited vendor): 1", "rule files that differ:\n  reference/prohibited-vendors.json: changed", "== PSPC-2024-CCTV-88 (pspc-hikvision-cameras.json)");
    }
}
