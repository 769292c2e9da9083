package org.procsec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Waits for a change under some directories by polling: a file added, removed, or with another
 * size or modification time. Polling rather than a {@code WatchService}: it sees nested folders and
 * editors that replace files, on every platform, and costs a directory walk per interval.
 */
final class Watch {
    private final List<Path> roots;
    private final long intervalMs;
    private Map<String, String> last;

    Watch(List<Path> roots, long intervalMs) {
        this.roots = List.copyOf(roots);
        this.intervalMs = Math.max(10, intervalMs);
        this.last = snapshot();
    }

    /** Blocks until the files differ from the last snapshot (taken when made, then at each change). */
    void awaitChange() throws InterruptedException {
        while (true) {
            Thread.sleep(intervalMs);
            Map<String, String> now = snapshot();
            if (!now.equals(last)) {
                // Let a save that writes several files finish before the run.
                Thread.sleep(Math.min(intervalMs, 100));
                last = snapshot();
                return;
            }
        }
    }

    private Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                files.put(root.toString(), "missing");
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            files.put(p.toString(), a.size() + "/" + a.lastModifiedTime().toMillis());
                        }
                    } catch (IOException e) {
                        files.put(p.toString(), "unreadable");
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                files.put(root.toString(), "unreadable");
            }
        }
        return files;
    }
}
