package org.procsec.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.internal.json.JsonTree;
import org.procsec.io.RequestJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The requests to replay, and the entries that could not be read (reported and counted, never skipped
 * silently). A corpus is a folder whose top-level {@code *.json} files are request or scenario files
 * (a scenario is an object with a {@code request}; its {@code asOf} is kept) and whose {@code *.jsonl}
 * files hold one request or scenario per line; or one such {@code *.jsonl} file; or one {@code *.json} file.
 * Sub-folders are not read, so a folder may hold rule sets or other material next to its requests.
 *
 * @param entries the requests, in file (then line) order
 * @param errors  the entries that could not be read
 */
public record Corpus(List<CorpusEntry> entries, List<CorpusError> errors) {
    public Corpus {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }

    /** Loads {@code location} (folder or file); I/O failures of the location itself throw. */
    public static Corpus load(Path location) throws IOException {
        List<CorpusEntry> entries = new ArrayList<>();
        List<CorpusError> errors = new ArrayList<>();
        if (Files.isDirectory(location)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(location)) {
                files = list.filter(Files::isRegularFile)
                        .filter(p -> name(p).endsWith(".json") || name(p).endsWith(".jsonl"))
                        .filter(p -> !name(p).startsWith("."))
                        .sorted().toList();
            }
            for (Path p : files) {
                readFile(p, name(p), entries, errors);
            }
        } else if (Files.isRegularFile(location)) {
            readFile(location, name(location), entries, errors);
        } else {
            throw new IOException(location + ": no such file or folder");
        }
        return new Corpus(entries, errors);
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static void readFile(Path file, String display, List<CorpusEntry> entries, List<CorpusError> errors)
            throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (display.endsWith(".jsonl")) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    readEntry(line, display + ":" + (i + 1), entries, errors);
                }
            }
        } else {
            readEntry(text, display, entries, errors);
        }
    }

    private static void readEntry(String text, String source, List<CorpusEntry> entries, List<CorpusError> errors) {
        JsonNode root;
        try {
            root = JsonTree.parse(text).root();
        } catch (JsonProcessingException e) {
            InputProblem p = org.procsec.internal.json.RequestReader.syntaxProblem(e);
            errors.add(new CorpusError(source, p.path(), p.message()));
            return;
        }
        JsonNode request = root;
        String prefix = "";
        LocalDate asOf = null;
        if (root.isObject() && root.has("request")) {
            request = root.get("request");
            prefix = "request";
            JsonNode date = root.get("asOf");
            if (date != null && !date.isNull()) {
                try {
                    asOf = LocalDate.parse(date.asText());
                } catch (DateTimeParseException e) {
                    errors.add(new CorpusError(source, "asOf", "expected a date YYYY-MM-DD, got " + date));
                    return;
                }
            }
        }
        try {
            entries.add(new CorpusEntry(source, org.procsec.internal.json.RequestReader.read(request, new ArrayList<>()), asOf));
        } catch (InvalidRequestException e) {
            for (InputProblem p : e.problems()) {
                String path = prefix.isEmpty() ? p.path() : p.path().isEmpty() ? prefix : prefix + "." + p.path();
                errors.add(new CorpusError(source, path, p.message()));
            }
        } catch (RuntimeException e) {
            errors.add(new CorpusError(source, prefix, String.valueOf(e.getMessage())));
        }
    }
}
