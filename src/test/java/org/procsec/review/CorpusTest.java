package org.procsec.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTest {
    static String request(String id) throws Exception {
        return Files.readString(Path.of("examples/esdc-office-chairs.json"))
                .replace("\"ESDC-2026-FURN-7\"", "\"" + id + "\"").replaceAll("\\s*\n\\s*", " ");
    }

    @Test
    void folderOfRequestsAndScenariosKeepsScenarioDatesAndReportsBadEntries(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), request("A"));
        Files.writeString(dir.resolve("b.json"), "{\"asOf\": \"2021-01-02\", \"request\": " + request("B")
                + ", \"expect\": {}}");
        Files.writeString(dir.resolve("c.json"), request("C").replace("\"value\": ", "\"value\": -"));
        Files.writeString(dir.resolve("d.json"), "{ not json");
        Files.writeString(dir.resolve("notes.md"), "ignored");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/e.json"), request("E"));

        Corpus c = Corpus.load(dir);
        assertThat(c.entries()).extracting(CorpusEntry::source).containsExactly("a.json", "b.json");
        assertThat(c.entries().get(0).asOf()).isNull();
        assertThat(c.entries().get(1).asOf()).isEqualTo(LocalDate.of(2021, 1, 2));
        assertThat(c.errors()).extracting(CorpusError::source).containsExactly("c.json", "d.json");
        assertThat(c.errors().get(0).path()).isEqualTo("value");
        assertThat(c.errors().get(1).message()).contains("invalid JSON");
    }

    @Test
    void jsonLinesNameTheLineOfABadEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, request("A") + "\n\n" + "{\"request\": {\"id\": \"X\"}, \"expect\": {}}\n"
                + request("C") + "\n");
        Corpus c = Corpus.load(file);
        assertThat(c.entries()).extracting(CorpusEntry::source).containsExactly("corpus.jsonl:1", "corpus.jsonl:4");
        assertThat(c.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("corpus.jsonl:3");
            assertThat(e.path()).startsWith("request");
        });
    }

    @Test
    void aMissingLocationThrows(@TempDir Path dir) {
        assertThatThrownBy(() -> Corpus.load(dir.resolve("nope"))).hasMessageContaining("no such file");
    }
}
