package org.procsec.internal.scan;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {
    private static List<LineReader.Line> lines(String text, int max) throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l; (l = r.next()) != null; ) {
            out.add(l);
        }
        return out;
    }

    private static String text(LineReader.Line l) {
        return new String(l.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void next_splitsAtLfOnly_dropsTheCrBeforeIt_keepsOtherCrs() throws Exception {
        List<LineReader.Line> l = lines("a\r\nb\rc\n\n  \r\n\rd\r\re\r\nlast", 100);
        assertThat(l).extracting(LineReaderTest::text).containsExactly("a", "b\rc", "", "  ", "\rd\r\re", "last");
        assertThat(l).extracting(LineReader.Line::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(l).extracting(LineReader.Line::consumed).containsExactly(3L, 4L, 1L, 4L, 7L, 4L);
        assertThat(l).extracting(LineReader.Line::blank).containsExactly(false, false, true, true, false, false);
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("x\n", 10)).hasSize(1);
    }

    @Test
    void next_lineOverTheLimit_isReadPastAndReportedByLength() throws Exception {
        List<LineReader.Line> l = lines("12345\n123456\n1234567\r\n123456\r\nok", 6);
        assertThat(l).extracting(LineReader.Line::oversize).containsExactly(false, false, true, false, false);
        assertThat(l.get(2).length()).isEqualTo(7);
        assertThat(l.get(2).consumed()).isEqualTo(9);
        assertThat(text(l.get(3))).isEqualTo("123456");
        assertThat(text(l.get(4))).isEqualTo("ok");
    }

    /** A stream of {@code n} bytes of 'x', then a LF and "{}": nothing is held but the read buffer. */
    static InputStream hugeLine(long n) {
        return new InputStream() {
            long left = n;
            final byte[] tail = "\n{}\n".getBytes(StandardCharsets.US_ASCII);
            int t;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int k = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + k, (byte) 'x');
                    left -= k;
                    return k;
                }
                if (t == tail.length) {
                    return -1;
                }
                int k = Math.min(len, tail.length - t);
                System.arraycopy(tail, t, b, off, k);
                t += k;
                return k;
            }
        };
    }

    @Test
    void next_aLineOf512MiB_isReadPastInBoundedMemory() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        LineReader r = new LineReader(hugeLine(512L << 20), PortfolioScanner.MAX_LINE_BYTES);
        LineReader.Line huge = r.next();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(huge.oversize()).isTrue();
        assertThat(huge.length()).isEqualTo(512L << 20);
        assertThat(new String(r.next().bytes(), StandardCharsets.US_ASCII)).isEqualTo("{}");
        assertThat(r.next()).isNull();
        // the limit (3 MiB) and its buffer growth, never the line: well under 32 MiB
        assertThat(allocated).as("bytes allocated reading the line").isLessThan(32L << 20);
    }
}
