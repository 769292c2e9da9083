package org.procsec.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.procsec.ruleset.RuleSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A rule file (DRL or reference data) that differs between the base and head rule sets.
 *
 * @param path    its path relative to the rule directory
 * @param status  {@code added}, {@code removed} or {@code changed}
 * @param added   lines only in head
 * @param removed lines only in base
 * @param diff    the unified diff (3 lines of context), from the {@code ---}/{@code +++} header on
 */
public record RuleFileChange(String path, String status, int added, int removed, List<String> diff) {
    public RuleFileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        diff = List.copyOf(diff);
    }

    /** Every file that differs between {@code base} and {@code head}, in path order. */
    public static List<RuleFileChange> between(RuleSource base, RuleSource head) {
        TreeSet<String> paths = new TreeSet<>(base.files().keySet());
        paths.addAll(head.files().keySet());
        List<RuleFileChange> out = new ArrayList<>();
        for (String path : paths) {
            byte[] b = base.files().get(path);
            byte[] h = head.files().get(path);
            if (b != null && h != null && java.util.Arrays.equals(b, h)) {
                continue;
            }
            List<String> before = lines(b);
            List<String> after = lines(h);
            var patch = DiffUtils.diff(before, after);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(b == null ? "/dev/null" : "base/" + path,
                    h == null ? "/dev/null" : "head/" + path, before, patch, 3);
            int plus = 0;
            int minus = 0;
            for (var delta : patch.getDeltas()) {
                plus += delta.getTarget().size();
                minus += delta.getSource().size();
            }
            out.add(new RuleFileChange(path, b == null ? "added" : h == null ? "removed" : "changed", plus, minus,
                    unified));
        }
        return out;
    }

    private static List<String> lines(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
