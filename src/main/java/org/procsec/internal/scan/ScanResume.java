package org.procsec.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.procsec.model.Decision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an interrupted scan left in its output file: the complete records (each ends with its LF),
 * and the bytes of a partial last record, which is dropped. Every kept record is checked to be a
 * scan record of these rules ({@code policy.fingerprint}) and of the same review date, with line
 * numbers rising; {@link PortfolioScanner#resume} then checks them against the input's lines.
 */
public final class ScanResume {
    /** Longest record read back (a record of the largest request is a few MB). */
    static final int MAX_RECORD_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DECISIONS =
            Stream.of(Decision.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final String file;
    private final long keptBytes;
    private final long droppedBytes;
    private final long[] lines;
    private final Tally tally;

    private ScanResume(String file, long keptBytes, long droppedBytes, long[] lines, Tally tally) {
        this.file = file;
        this.keptBytes = keptBytes;
        this.droppedBytes = droppedBytes;
        this.lines = lines;
        this.tally = tally;
    }

    /**
     * Reads the output {@code file} of an interrupted scan made with rules of {@code fingerprint}
     * and review date {@code asOf} (null: each award date). A file that is not such an output
     * is a {@link ScanException} of kind {@link ScanException.Kind#RESUME} saying why.
     */
    public static ScanResume read(Path file, String fingerprint, LocalDate asOf) throws IOException {
        String name = file.toString();
        long kept = 0;
        long dropped = 0;
        long[] lines = new long[1024];
        int count = 0;
        Tally tally = new Tally();
        try (InputStream in = Files.newInputStream(file)) {
            LineReader reader = new LineReader(in, MAX_RECORD_BYTES);
            for (LineReader.Line l; (l = reader.next()) != null; ) {
                boolean complete = l.consumed() > l.length();
                if (!complete) { // no LF: the write was cut off
                    dropped = l.consumed();
                    break;
                }
                if (l.oversize()) {
                    throw mismatch(name + " line " + l.number() + ": a line of " + l.length()
                            + " bytes is not a scan record");
                }
                JsonNode r = record(name, l);
                long line = r.get("line").asLong();
                if (count > 0 && line <= lines[count - 1]) {
                    throw mismatch(name + " line " + l.number() + ": the record for input line " + line
                            + " comes after the one for line " + lines[count - 1] + " (expected rising line numbers)");
                }
                checkRules(name, l.number(), r, fingerprint, asOf);
                if (count == lines.length) {
                    lines = Arrays.copyOf(lines, count * 2);
                }
                lines[count++] = line;
                tally.record(r);
                kept += l.consumed();
            }
        }
        return new ScanResume(name, kept, dropped, Arrays.copyOf(lines, count), tally);
    }

    private static JsonNode record(String name, LineReader.Line l) {
        JsonNode r;
        try {
            r = JSON.readTree(new String(l.bytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw mismatch(name + " line " + l.number() + ": not a scan record (not JSON)");
        }
        if (r == null || !r.isObject() || !r.path("line").canConvertToLong() || r.path("line").asLong() < 1) {
            throw mismatch(name + " line " + l.number() + ": not a scan record (expected an object with \"line\")");
        }
        boolean error = r.path("errors").isArray() && !r.path("errors").isEmpty();
        boolean assessment = DECISIONS.contains(r.path("decision").asText(""));
        if (error == assessment) {
            throw mismatch(name + " line " + l.number() + ": not a scan record (expected an assessment or \"errors\")");
        }
        return r;
    }

    private static void checkRules(String name, long at, JsonNode r, String fingerprint, LocalDate asOf) {
        if (r.has("errors")) {
            return;
        }
        String fp = r.path("policy").path("fingerprint").asText("");
        if (!fp.equals(fingerprint)) {
            throw mismatch(name + " line " + at + ": assessed with rules " + fp + ", not these rules " + fingerprint
                    + " (resume with the rules of the interrupted scan)");
        }
        boolean portfolio = r.has("holding");
        if (asOf == null && portfolio || asOf != null && !portfolio
                || asOf != null && !r.path("policy").path("asOf").asText("").equals(asOf.toString())) {
            throw mismatch(name + " line " + at + ": assessed " + (portfolio ? "as of "
                    + r.path("policy").path("asOf").asText() : "without --as-of") + ", not "
                    + (asOf == null ? "without --as-of" : "as of " + asOf)
                    + " (resume with the --as-of of the interrupted scan)");
        }
    }

    private static ScanException mismatch(String message) {
        return new ScanException(ScanException.Kind.RESUME, message + "; not resuming", null);
    }

    /** Bytes of the complete records, which are kept: the file is cut to this length before the scan goes on. */
    public long keptBytes() {
        return keptBytes;
    }

    /** Bytes of a partial last record (written when the scan was stopped), dropped; 0 when none. */
    public long droppedBytes() {
        return droppedBytes;
    }

    /** Complete records kept. */
    public int records() {
        return lines.length;
    }

    /** Input line of the last kept record, 0 when none. */
    public long lastLine() {
        return lines.length == 0 ? 0 : lines[lines.length - 1];
    }

    String file() {
        return file;
    }

    long line(int i) {
        return lines[i];
    }

    Tally tally() {
        return tally;
    }
}
