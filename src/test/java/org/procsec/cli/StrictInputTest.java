package org.procsec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** assess refuses text that is not UTF-8 or holds lone surrogates, from a file and from stdin alike (issue 12.6). */
class StrictInputTest {
    static final String CHAIRS = "examples/esdc-office-chairs.json";

    static CliRun run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(stdin));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The chairs request with {@code bad} put into its title, right after {@code "title": "}. */
    static byte[] chairsWith(byte... bad) throws Exception {
        String text = Files.readString(Path.of(CHAIRS));
        int at = text.indexOf("\"title\": \"") + "\"title\": \"".length();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        b.write(bad);
        b.write(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void assess_invalidOrOverlongUtf8_fromFileOrStdin_exits2_withPosition(@TempDir Path tmp) throws Exception {
        for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            byte[] request = chairsWith(bad);
            Path f = tmp.resolve("bad.json");
            Files.write(f, request);
            CliRun file = run(new byte[0], "assess", f.toString());
            assertThat(file.exitCode()).as(file.err()).isEqualTo(2);
            assertThat(file.out()).isEmpty();
            assertThat(file.err()).startsWith(f + ": invalid UTF-8 at line 4, column 13 (byte offset ");
            CliRun stdin = run(request, "assess", "-");
            assertThat(stdin.exitCode()).isEqualTo(2);
            assertThat(stdin.out()).isEmpty();
            assertThat(stdin.err()).startsWith("-: invalid UTF-8 at line 4, column 13");
        }
        assertThat(run(chairsWith(), "assess", "-").exitCode()).isZero();
    }

    @Test
    void assess_loneSurrogateEscape_exits2_withPathAndPosition() throws Exception {
        for (String escape : new String[] {"A\\ud800B", "\\udc00", "x\\ud83d"}) {
            CliRun run = run(chairsWith(escape.getBytes(StandardCharsets.US_ASCII)), "assess", "-");
            assertThat(run.exitCode()).as(escape).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).as(escape).contains("-: title: invalid JSON at line 4, column 12: lone surrogate U+D");
        }
        // a proper pair is a character
        CliRun pair = run(chairsWith("\\ud83d\\ude00".getBytes(StandardCharsets.US_ASCII)), "assess", "-");
        assertThat(pair.exitCode()).as(pair.err()).isZero();
        assertThat(pair.out()).contains("\"requestId\"");
    }

    @Test
    void assess_escapeSequencesInTheRequest_neverReachStderrRaw() throws Exception {
        String text = Files.readString(Path.of(CHAIRS)).replace("\"OTHER\"", "\"\\u001b[2J\\u001b[31mPWNED\\u009b\"");
        CliRun run = run(text.getBytes(StandardCharsets.UTF_8), "assess", "-");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown value \"\\u001b[2J\\u001b[31mPWNED\\u009b\"")
                .doesNotContain("\u001b", "\u009b");
    }
}
