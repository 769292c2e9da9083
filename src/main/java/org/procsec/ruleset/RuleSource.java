package org.procsec.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a rule set: DRL files and reference data ({@code *.drl} and {@code *.json}, by path
 * relative to the rule directory, '/'-separated). Other files (READMEs, editor backups) are ignored.
 * Immutable; the files are read once, when the source is made.
 */
public final class RuleSource {
    /** Where bundled rules live on the class path. */
    public static final String BUNDLED_ROOT = "org/procsec/rules/";

    private final String description;
    private final SortedMap<String, byte[]> files;
    private final String fingerprint;

    private RuleSource(String description, Map<String, byte[]> files) {
        this.description = Objects.requireNonNull(description, "description");
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (isRuleFile(path)) {
                copy.put(path, bytes.clone());
            }
        });
        this.files = Collections.unmodifiableSortedMap(copy);
        this.fingerprint = fingerprintOf(this.files);
    }

    /** True for the files a rule set is made of: {@code .drl} and {@code .json} files that are not hidden. */
    public static boolean isRuleFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return !name.startsWith(".") && (name.endsWith(".drl") || name.endsWith(".json"));
    }

    /** A rule set given as files in memory (e.g. read from git history). */
    public static RuleSource of(String description, Map<String, byte[]> files) {
        return new RuleSource(description, files);
    }

    /**
     * The rule set in {@code dir}, laid out like {@code src/main/resources/rules/}. Symbolic links
     * are followed, {@code dir} itself included (a link loop is an {@link IOException}).
     */
    public static RuleSource directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isRuleFile(rel)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause() instanceof java.nio.file.FileSystemLoopException loop
                    ? new IOException(loop.getFile() + ": symbolic link loop", loop) : e.getCause();
        }
        return new RuleSource(dir.toString(), files);
    }

    /** The rule set bundled in the procsec jar. */
    public static RuleSource bundled() {
        URL anchor = bundledAnchor();
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (anchor.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(BUNDLED_ROOT) && isRuleFile(e.getName())) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName().substring(BUNDLED_ROOT.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path root = Paths.get(anchor.toURI()).getParent().getParent();
                return new RuleSource("bundled", directory(root).files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled rules", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bundled rules at an unreadable location " + anchor, e);
        }
        return new RuleSource("bundled", files);
    }

    /**
     * {@code reference/parameters.json} of the bundled rules, in the same jar or classes folder as
     * this class: not the first such resource on the class path, so that a host that has its own
     * rules (under any name) cannot stand in for the bundled ones.
     */
    private static URL bundledAnchor() {
        String self = RuleSource.class.getName().replace('.', '/') + ".class";
        URL own = RuleSource.class.getClassLoader().getResource(self);
        if (own == null || !own.toString().endsWith(self)) {
            throw new IllegalStateException("cannot locate the procsec jar on the class path (" + own + ")");
        }
        String root = own.toString().substring(0, own.toString().length() - self.length());
        try {
            URL anchor = new URL(root + BUNDLED_ROOT + "reference/parameters.json");
            try (InputStream probe = openNoCache(anchor)) {
                return anchor;
            }
        } catch (IOException e) {
            throw new IllegalStateException("bundled rules not found beside the procsec classes (" + root
                    + BUNDLED_ROOT + ")", e);
        }
    }

    private static InputStream openNoCache(URL url) throws IOException {
        java.net.URLConnection c = url.openConnection();
        c.setUseCaches(false);
        return c.getInputStream();
    }

    /** Where the rules came from: "bundled", a directory, or a description given by the caller. */
    public String description() {
        return description;
    }

    /** The files, by relative path in sorted order. The arrays must not be modified. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /**
     * {@code sha256:<hex>}: SHA-256 of the manifest made of one line {@code <sha256 hex of file>  <path>\n}
     * per file, in path order (byte order of the UTF-8 paths), which is what
     * {@code sha256sum} prints. See docs/fingerprint.md to recompute it with shell tools.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(SortedMap<String, byte[]> files) {
        try {
            HexFormat hex = HexFormat.of();
            StringBuilder manifest = new StringBuilder();
            // TreeMap orders by String (UTF-16), which matches UTF-8 byte order for the paths procsec accepts
            // (no characters outside the Basic Multilingual Plane).
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                manifest.append(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())))
                        .append("  ").append(e.getKey()).append('\n');
            }
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + hex.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "RuleSource[" + description + ", " + files.size() + " files, " + fingerprint + "]";
    }
}
