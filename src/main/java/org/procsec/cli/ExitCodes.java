package org.procsec.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Checks failed: scenario tests, a diff gate. */
    public static final int CHECKS_FAILED = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** The rules do not build. */
    public static final int RULES_BROKEN = 3;
    /** The output could not be written (a full disk, a closed pipe): what was written is incomplete. */
    public static final int OUTPUT_FAILED = 4;

    private ExitCodes() {
    }
}
