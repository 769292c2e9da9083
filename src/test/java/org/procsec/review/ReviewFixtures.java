package org.procsec.review;

import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the bundled rules for diff tests. */
final class ReviewFixtures {
    static final Path RULES = Path.of("src/main/resources/rules");

    private ReviewFixtures() {
    }

    /** Copies the bundled rule directory into {@code target}. */
    static Path copyRules(Path target) {
        try {
            return org.procsec.TestRules.copyBundled(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Removes the Hikvision entry from reference/prohibited-vendors.json under {@code rules}. */
    static void removeHikvisionFromProhibited(Path rules) throws IOException {
        Path file = rules.resolve("reference/prohibited-vendors.json");
        String text = Files.readString(file);
        String changed = text.replaceAll("(?s)\\{\\s*\"name\": \"Hangzhou Hikvision[^}]*\\}", "");
        if (changed.equals(text)) {
            throw new IllegalStateException("Hikvision entry not found in " + file);
        }
        Files.writeString(file, changed);
    }

    static PolicyEngine engine(Path dir) throws Exception {
        return PolicyEngine.builder().rules(RuleSource.directory(dir)).build();
    }
}
