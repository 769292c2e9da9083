package org.procsec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rule directories for tests: copies of the bundled rules, with files added or changed. */
public final class RuleDirs {
    private RuleDirs() {
    }

    /** Writes the bundled rule files into {@code dir} (created when missing) and returns it. */
    public static Path copyOfBundled(Path dir) throws IOException {
        return TestRules.copyBundled(dir);
    }

    /** A copy of the bundled rules in {@code dir} plus one more DRL file {@code name} holding {@code drl}. */
    public static Path bundledPlus(Path dir, String name, String drl) throws IOException {
        copyOfBundled(dir);
        Files.writeString(dir.resolve(name), drl, StandardCharsets.UTF_8);
        return dir;
    }

    /** The header every test DRL file needs to use the procsec vocabulary. */
    public static final String HEADER = """
            package org.procsec.rules;

            import org.procsec.model.*;
            import org.procsec.internal.refdata.*;
            import org.procsec.internal.facts.*;
            import org.procsec.internal.facts.RuleSupport;

            """;

    // ---- misbehaving rules (each is added to a copy of the bundled rules) ----------------------

    /** Deletes and re-inserts the purchase fact: re-activates itself forever. */
    public static final String REINSERT_LOOP = HEADER + """
            rule "SEC-2.6-test-reinsert-loop deletes and re-inserts the purchase forever"
            when
                $p : Purchase()
            then
                delete($p);
                insert($p);
            end
            """;

    /** Inserts a new fact on every firing: working memory grows until the cap. */
    public static final String GROWING_LOOP = HEADER + """
            declare Tick
                n : int
            end

            rule "SEC-2.6-test-seed-tick starts the ticks"
            when
                Purchase()
            then
                insert(new Tick(0));
            end

            rule "SEC-2.6-test-tick-loop inserts ever-new facts"
            when
                $t : Tick()
            then
                insert(new Tick($t.getN() + 1));
            end
            """;

    public static final String CRASH = HEADER + """
            rule "SEC-2.6-test-crash the then-block throws"
            when
                Purchase()
            then
                throw new IllegalStateException("rule crashed on purpose");
            end
            """;

    /** Sleeps 20 ms per firing and re-activates itself: only the time budget stops it soon. */
    public static final String SLOW_LOOP = HEADER + """
            rule "SEC-2.6-test-slow-loop every firing takes 20 ms"
            when
                $p : Purchase()
            then
                Thread.sleep(20);
                delete($p);
                insert($p);
            end
            """;

    /** One firing that takes 300 ms: the budget is checked after each firing. */
    public static final String ONE_SLOW_FIRING = HEADER + """
            rule "SEC-2.6-test-one-slow-firing one firing takes 300 ms"
            when
                Purchase()
            then
                Thread.sleep(300);
            end
            """;

}
