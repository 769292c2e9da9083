package org.procsec.schema;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link in the docs, and every docs/ or examples/ file the code and pom cite, exists in a clone. */
class LinksTest {
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
    private static final Pattern CITED = Pattern.compile("\\b((?:docs|examples)/[A-Za-z0-9_./-]+\\.(?:md|json|jsonl|txt))(?![A-Za-z])");

    @Test
    void relativeLinksInMarkdown_resolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path md : files(".md")) {
            Matcher m = MD_LINK.matcher(Files.readString(md));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                if (!Files.exists(md.getParent() == null ? Path.of(target) : md.getParent().resolve(target))) {
                    broken.add(md + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void filesCitedByCodeAndPom_exist() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> sources = new ArrayList<>(files(".java"));
        sources.add(Path.of("pom.xml"));
        for (Path f : sources) {
            Matcher m = CITED.matcher(Files.readString(f));
            while (m.find()) {
                String cited = m.group(1).replaceAll("[.]$", "");
                if (!Files.exists(Path.of(cited))) {
                    missing.add(f + " cites " + cited);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            return walk.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.startsWith("./target") && !p.toString().contains("/target/") && !p.startsWith("./.git"))
                    .map(p -> Path.of(".").relativize(p)).sorted().toList();
        }
    }
}
