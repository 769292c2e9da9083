package org.procsec.api;

import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Opt-in: watches a rule directory (and its subdirectories) and reloads the engine when a file
 * changes, after a quiet period. A rule set that fails to build never replaces the one in service;
 * the failure goes to {@code onFailure} with the same problems {@code validate} prints.
 *
 * <pre>{@code
 * try (RuleWatcher w = RuleWatcher.start(engine, dir, Duration.ofMillis(300), e -> log(e.problems()))) {
 *     ... serve ...
 * }
 * }</pre>
 */
public final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);

    private final PolicyEngine engine;
    private final Path dir;
    private final Duration quiet;
    private final Consumer<RuleBuildException> onFailure;
    private final WatchService watch;
    private final Thread thread;

    private RuleWatcher(PolicyEngine engine, Path dir, Duration quiet, Consumer<RuleBuildException> onFailure)
            throws IOException {
        this.engine = engine;
        this.dir = dir;
        this.quiet = quiet;
        this.onFailure = onFailure;
        this.watch = FileSystems.getDefault().newWatchService();
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = new Thread(this::loop, "procsec-rule-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dir} for {@code engine}.
     *
     * @param quiet     how long the directory must stay unchanged before a reload (editors write in bursts)
     * @param onFailure called with the problems when the changed rules do not build
     */
    public static RuleWatcher start(PolicyEngine engine, Path dir, Duration quiet,
                                    Consumer<RuleBuildException> onFailure) throws IOException {
        RuleWatcher w = new RuleWatcher(Objects.requireNonNull(engine), Objects.requireNonNull(dir),
                Objects.requireNonNull(quiet), Objects.requireNonNull(onFailure));
        w.thread.start();
        return w;
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                drain(key);
                // Wait for a quiet period: keep draining while events keep coming.
                WatchKey more;
                while ((more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void reload() {
        try {
            engine.reload(RuleSource.directory(dir));
        } catch (RuleBuildException e) {
            LOG.warn("rules in {} do not build; still serving {}: {} problem(s)", dir, engine.fingerprint(),
                    e.problems().size());
            onFailure.accept(e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("reloading rules from {} failed; still serving {}: {}", dir, engine.fingerprint(), e.toString());
            onFailure.accept(new RuleBuildException(dir.toString(),
                    java.util.List.of(new RuleProblem(".", 0, 0, "reload failed: " + e))));
        }
    }

    /** Stops watching. */
    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
