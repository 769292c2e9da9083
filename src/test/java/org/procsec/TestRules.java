package org.procsec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the bundled rules for tests that edit or break them. */
public final class TestRules {
    public static final Path BUNDLED = Path.of("src/main/resources/rules");

    private TestRules() {
    }

    /** Copies the bundled rule directory into {@code dir} and returns it. */
    public static Path copyBundled(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(BUNDLED)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = dir.resolve(BUNDLED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    /** Copies the bundled rules into {@code dir} with {@code drl} added at the end of {@code file}; returns the copy. */
    public static Path bundledWith(Path dir, String file, String drl) throws IOException {
        Path rules = copyBundled(dir);
        Files.writeString(rules.resolve(file), Files.readString(rules.resolve(file)) + drl);
        return rules;
    }

    /** Replaces the first occurrence of {@code from} with {@code to} in {@code file}; fails if absent. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain: " + from);
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
