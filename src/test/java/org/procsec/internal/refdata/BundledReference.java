package org.procsec.internal.refdata;

import org.procsec.internal.names.VendorNames;
import org.procsec.TestRules;
import org.procsec.ruleset.RuleProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The bundled reference data, loaded as the engine loads it, for unit tests of name screening. */
public final class BundledReference {
    private static ReferenceData data;

    private BundledReference() {
    }

    public static synchronized ReferenceData data() {
        if (data == null) {
            SortedMap<String, byte[]> files = new TreeMap<>();
            Path dir = TestRules.BUNDLED.resolve("reference");
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    files.put(ReferenceDataLoader.DIR + p.getFileName(), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<RuleProblem> problems = new ArrayList<>();
            data = ReferenceDataLoader.load(files, problems);
            if (data == null) {
                throw new IllegalStateException("bundled reference data does not load: " + problems);
            }
        }
        return data;
    }

    public static VendorNames names() {
        return data().directory().names();
    }
}
