package org.procsec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** The {@code procsec} command: {@code java -jar procsec-cli.jar COMMAND ...}. */
@Command(name = "procsec", mixinStandardHelpOptions = true, version = "procsec 0.1.0",
        description = "Procurement security policy as tested Drools rules.",
        subcommands = {AssessCommand.class, ValidateCommand.class, TestCommand.class, DiffCommand.class,
            ScanCommand.class, GenerateCommand.class})
public final class ProcsecCli implements Callable<Integer> {
    final PrintWriter out;
    final PrintWriter err;
    final InputStream in;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and engine diagnostics.")
    boolean debug;

    ProcsecCli(PrintWriter out, PrintWriter err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(err);
        return ExitCodes.BAD_INPUT;
    }

    /** Runs {@code args} with the given streams and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        ProcsecCli cli = new ProcsecCli(out, err, in);
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode() : ExitCodes.BAD_INPUT);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                err.println(c.getMessage());
                err.flush();
                return c.exitCode();
            }
            err.println("error: " + e);
            if (cli.debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        // The binding (slf4j-simple) reads these before the first logger is made.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        // procsec reports rule build errors itself (validate, exit 3); Drools' own copy is noise.
        System.setProperty("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject",
                debug ? "debug" : "off");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, System.in));
    }
}
