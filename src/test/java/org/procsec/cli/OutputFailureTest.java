package org.procsec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A write failure on stdout (full disk, closed pipe) is never a success (issue 12.2). */
class OutputFailureTest {
    /** A stream that takes {@code limit} bytes and then fails as a closed pipe does. */
    static OutputStream closedPipeAfter(long limit) {
        return new OutputStream() {
            long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > limit) {
                    throw new IOException("Broken pipe");
                }
                written += len;
            }
        };
    }

    static CliRun run(OutputStream stdout, String stdin, String... args) {
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(args, Output.over(stdout), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new CliRun(code, "", err.toString());
    }

    @Test
    @EnabledOnOs({OS.LINUX})
    void assess_toDevFull_exits4_sayingTheDiskIsFull() throws Exception {
        try (FileOutputStream full = new FileOutputStream("/dev/full")) {
            CliRun run = run(full, "", "assess", "examples/esdc-office-chairs.json");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
            assertThat(run.err()).isEqualTo("stdout: cannot write: no space left on device; the output is incomplete\n");
        }
    }

    @Test
    void assess_toAClosedPipe_exits4() {
        CliRun run = run(closedPipeAfter(100), "", "assess", "examples/esdc-office-chairs.json",
                "examples/cbsa-contract-a.json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("stdout: cannot write: the reading end was closed (broken pipe)");
    }

    @Test
    void assess_whenEverythingIsWritten_exits0() {
        CliRun run = run(closedPipeAfter(Long.MAX_VALUE), "", "assess", "examples/esdc-office-chairs.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
