package org.procsec.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Standard output that does not lose a write failure: a {@link PrintWriter} (what the commands
 * print with) over a stream that remembers the first {@link IOException} (a full disk, a closed
 * pipe), so that the command can stop with a message saying what happened and a non-zero exit.
 * {@code System.out} cannot be used for this: a {@code PrintStream} swallows its errors.
 */
final class Output extends PrintWriter {
    private final Recorder recorder;

    private Output(Recorder recorder) {
        super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), false);
        this.recorder = recorder;
    }

    /** A writer over {@code stream} that remembers its first write failure. */
    static Output over(OutputStream stream) {
        return new Output(new Recorder(stream));
    }

    /** The first write failure, or null. */
    IOException failure() {
        return recorder.failure;
    }

    /** {@code out}'s write failure in words ("no space left on device"), null when it has none. */
    static String failure(PrintWriter out) {
        out.flush();
        if (!out.checkError()) {
            return null;
        }
        IOException e = out instanceof Output o ? o.failure() : null;
        return e == null ? "write failed" : describe(e);
    }

    /** A write failure in words: the reason the operating system gave, lower case, without Java class names. */
    static String describe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("broken pipe") || m.contains("stream closed") || m.contains("pipe closed")) {
            return "the reading end was closed (broken pipe)";
        }
        if (m.contains("no space left")) {
            return "no space left on device";
        }
        if (m.contains("disk quota")) {
            return "disk quota exceeded";
        }
        return m.isEmpty() ? "write failed" : Inputs.message(e);
    }

    /**
     * {@code out} as a {@link Writer} that throws on a write failure: at the latest when flushed,
     * with the failure in words as its message. What the scanner writes to stdout through.
     */
    static Writer throwing(PrintWriter out) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                out.write(s, off, len);
            }

            @Override
            public void flush() throws IOException {
                String failure = failure(out);
                if (failure != null) {
                    throw new IOException(failure);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static final class Recorder extends FilterOutputStream {
        volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        private void record(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
