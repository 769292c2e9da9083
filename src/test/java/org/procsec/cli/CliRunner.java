package org.procsec.cli;

/** {@link CliRun} for tests outside the cli package. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Runs the CLI in-process: exit code, stdout and stderr. */
    public static Result run(String... args) {
        CliRun r = CliRun.of(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    /** What a run gave. */
    public record Result(int exitCode, String out, String err) {
    }
}
