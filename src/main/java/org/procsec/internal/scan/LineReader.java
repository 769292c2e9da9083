package org.procsec.internal.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF only. A CR just before the LF is dropped; a CR anywhere
 * else is kept (in JSON it is whitespace). A line longer than {@code maxBytes} is read past
 * without being held: only its length is kept. Bytes are not decoded here (the workers do it,
 * strictly), so that one bad byte is a problem of its line only.
 */
final class LineReader {
    /** One line: its bytes (null when over the limit), its length without the line end, and what it took of the input. */
    record Line(long number, byte[] bytes, long length, long consumed) {
        boolean oversize() {
            return bytes == null;
        }

        /** Only spaces, tabs and CRs (JSON whitespace), or nothing. */
        boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1 << 12];

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int held = 0;         // bytes of this line kept in `line`
        long length = 0;      // bytes of this line, kept or not
        boolean sawAny = false;
        byte last = 0;        // the last byte of this line so far
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    return finish(held, length, length, last); // last line, no LF
                }
            }
            sawAny = true;
            int lf = indexOfLf(buf, pos, end);
            int stop = lf < 0 ? end : lf;
            int n = stop - pos;
            if (length + n <= maxBytes + 1L) { // +1: a CR before the LF does not count against the limit
                if (held + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(held + n, Math.min(2 * line.length, maxBytes + 1)));
                }
                System.arraycopy(buf, pos, line, held, n);
                held += n;
            }
            length += n;
            if (n > 0) {
                last = buf[stop - 1];
            }
            pos = stop;
            if (lf >= 0) {
                pos++; // the LF
                return finish(held, length, length + 1, last);
            }
        }
    }

    private Line finish(int held, long length, long consumed, byte last) {
        number++;
        long len = length > 0 && last == '\r' ? length - 1 : length;
        if (len > maxBytes) {
            if (line.length > 1 << 16) {
                line = new byte[1 << 12]; // do not keep a large buffer after a huge line
            }
            return new Line(number, null, len, consumed);
        }
        byte[] bytes = Arrays.copyOf(line, (int) len);
        if (line.length > 1 << 20) {
            line = new byte[1 << 12];
        }
        return new Line(number, bytes, len, consumed);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    private static int indexOfLf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Lines read so far. */
    long lines() {
        return number;
    }
}
