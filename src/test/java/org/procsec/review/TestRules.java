package org.procsec.review;

import java.nio.file.Path;

/** Copies of the bundled rule directory, for tests in other packages. */
public final class TestRules {
    private TestRules() {
    }

    /** Copies src/main/resources/rules to {@code target} and returns it. */
    public static Path copy(Path target) {
        return ReviewFixtures.copyRules(target);
    }
}
