package org.procsec.review;

import org.procsec.ruleset.RuleSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Rule sets read from git history without touching the working tree: {@code git:REF} or
 * {@code git:REF:path} (default path {@value #DEFAULT_PATH}), via {@code git ls-tree} and {@code git show}.
 */
public final class GitRuleSource {
    /** Where the rules live in a procsec repository. */
    public static final String DEFAULT_PATH = "src/main/resources/rules";

    private GitRuleSource() {
    }

    /** True when {@code spec} names a git rule set ({@code git:...}). */
    public static boolean isGitSpec(String spec) {
        return spec.startsWith("git:");
    }

    /** The rule set {@code spec} ({@code git:REF[:path]}) in the repository {@code repo}. */
    public static RuleSource load(Path repo, String spec) throws IOException {
        if (!isGitSpec(spec) || spec.length() == 4) {
            throw new IOException(spec + ": expected git:REF or git:REF:path");
        }
        String rest = spec.substring(4);
        int colon = rest.indexOf(':');
        String ref = colon < 0 ? rest : rest.substring(0, colon);
        String path = colon < 0 ? DEFAULT_PATH : rest.substring(colon + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (ref.isEmpty() || ref.startsWith("-") || path.isEmpty()) {
            throw new IOException(spec + ": expected git:REF or git:REF:path");
        }
        String listing = new String(git(repo, "ls-tree", "-r", "--name-only", ref, "--", path),
                StandardCharsets.UTF_8);
        Map<String, byte[]> files = new TreeMap<>();
        for (String file : listing.split("\n")) {
            if (file.isEmpty() || !file.startsWith(path + "/")) {
                continue;
            }
            String rel = file.substring(path.length() + 1);
            if (RuleSource.isRuleFile(rel)) {
                files.put(rel, git(repo, "show", ref + ":" + file));
            }
        }
        if (files.isEmpty()) {
            throw new IOException(spec + ": no rule files under " + path + " at " + ref);
        }
        return RuleSource.of("git:" + ref + (colon < 0 ? "" : ":" + path), files);
    }

    private static byte[] git(Path repo, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] stdout = process.getInputStream().readAllBytes();
        try {
            int code = process.waitFor();
            if (code != 0) {
                String message = new String(stderr.get(), StandardCharsets.UTF_8).strip();
                throw new IOException("git " + String.join(" ", args) + ": " + message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        } catch (ExecutionException e) {
            throw new IOException("git " + String.join(" ", args) + " failed", e);
        }
        return stdout;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
