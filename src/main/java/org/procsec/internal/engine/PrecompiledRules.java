package org.procsec.internal.engine;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The bundled rules compiled at build time by {@link RulePrecompiler} (Drools executable model).
 * Used for a rule set whose fingerprint is the one they were made from: same files, same rules,
 * without parsing and compiling DRL at start-up. Anything else builds from DRL.
 */
final class PrecompiledRules {
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRules.class);
    /** Class-path resource naming the model class and the fingerprint of its rule files. */
    static final String RESOURCE = "META-INF/procsec/precompiled-rules.properties";

    private PrecompiledRules() {
    }

    /** The fingerprint the precompiled rules were made from, if the class path has them. */
    static Optional<String> fingerprint() {
        return properties().map(p -> p.getProperty("fingerprint"));
    }

    /** A load started ahead by {@link #prefetch()}, with the fingerprint it is for. */
    private static java.util.concurrent.CompletableFuture<Optional<KieBase>> prefetched;
    private static String prefetchedFingerprint;

    /**
     * Starts loading the precompiled rules, made from files with {@code fingerprint}, on another
     * thread before anyone has asked for them: a command that will use the bundled rules calls
     * this first, so that the load overlaps with reading the rule files and the requests.
     */
    static synchronized void prefetch(String fingerprint, java.util.function.Supplier<KieBaseConfiguration> conf) {
        if (prefetched != null) {
            return;
        }
        prefetchedFingerprint = fingerprint;
        prefetched = java.util.concurrent.CompletableFuture.supplyAsync(() -> kieBase(fingerprint, conf.get()));
    }

    /** The prefetched load if it is for {@code fingerprint} (taken: a second call gets none). */
    static synchronized Optional<java.util.concurrent.CompletableFuture<Optional<KieBase>>> takePrefetched(
            String fingerprint) {
        if (prefetched == null || !fingerprint.equals(prefetchedFingerprint)) {
            return Optional.empty();
        }
        var f = prefetched;
        prefetched = null;
        prefetchedFingerprint = null;
        return Optional.of(f);
    }

    /** True when the class path has rules precompiled from files with {@code fingerprint}. */
    static boolean matches(String fingerprint) {
        return fingerprint().filter(fingerprint::equals).isPresent();
    }

    /**
     * A KieBase from the precompiled model when it was made from rule files with
     * {@code fingerprint}; empty otherwise, or when it cannot be loaded (then the caller builds
     * from DRL, so a broken precompiled form costs time, never correctness).
     */
    static Optional<KieBase> kieBase(String fingerprint, KieBaseConfiguration conf) {
        return properties().flatMap(p -> kieBase(p, fingerprint, conf));
    }

    /** As above, with the build step's record given (tests give broken ones). */
    static Optional<KieBase> kieBase(Properties p, String fingerprint, KieBaseConfiguration conf) {
        if (!fingerprint.equals(p.getProperty("fingerprint"))) {
            return Optional.empty();
        }
        String modelClass = p.getProperty("model");
        try {
            Model model = (Model) Class.forName(modelClass, true, PrecompiledRules.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            return Optional.of(KieBaseBuilder.createKieBaseFromModel(model, conf));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("precompiled rules {} could not be loaded, building from DRL: {}", modelClass, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Properties> properties() {
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            LOG.warn("reading {}: {}", RESOURCE, e.toString());
            return Optional.empty();
        }
    }
}
