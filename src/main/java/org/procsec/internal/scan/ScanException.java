package org.procsec.internal.scan;

/**
 * A scan that stopped: the input could not be read, the output could not be written, an
 * interrupted scan's output does not belong to this input, or the scanner itself failed. The
 * records written before it are complete lines, so the scan can be resumed
 * ({@link ScanResume}). The message says what happened in words.
 */
public final class ScanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What stopped the scan. */
    public enum Kind {
        /** Reading the input failed. */
        READ,
        /** Writing the records failed (a full disk, a closed pipe). */
        WRITE,
        /** The output of the interrupted scan does not match this input or these rules. */
        RESUME,
        /** A failure inside the scanner (a bug, or out of memory). */
        INTERNAL
    }

    private final Kind kind;
    private final long line;

    ScanException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, 0);
    }

    ScanException(Kind kind, String message, Throwable cause, long line) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
    }

    /** The input line whose record could not be written (kind WRITE), 0 otherwise. */
    public long line() {
        return line;
    }

    /** What stopped the scan. */
    public Kind kind() {
        return kind;
    }
}
