package org.procsec.cli;

import org.procsec.internal.scan.PortfolioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate --lines N [--seed S] [--bad-fraction F] [--out FILE]}: a synthetic JSON-lines portfolio. */
@Command(name = "generate", description = "Write a synthetic portfolio (JSON lines) in the shape of the seed purchases;"
        + " the same seed gives the same lines.")
final class GenerateCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--lines", required = true, paramLabel = "N", description = "Number of requests.")
    long lines;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 1).")
    long seed = 1;

    @Option(names = "--bad-fraction", paramLabel = "F", description = "Share of deliberately broken lines, 0..1 (default 0).")
    double badFraction;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (lines < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, "--lines: expected >= 0, got " + lines);
        }
        if (badFraction < 0 || badFraction > 1) {
            throw new CliException(ExitCodes.BAD_INPUT, "--bad-fraction: expected 0..1, got " + badFraction);
        }
        PortfolioGenerator generator = new PortfolioGenerator(seed, badFraction);
        if (out == null) {
            generator.write(lines, parent.out);
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                    StandardCharsets.UTF_8), 1 << 16)) {
                generator.write(lines, w);
            }
        }
        return ExitCodes.OK;
    }
}
