package org.procsec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The {@code procsec} command: {@code java -jar procsec-cli.jar COMMAND ...}. */
@Command(name = "procsec", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Procurement security policy as tested Drools rules.")
public final class ProcsecCli implements Callable<Integer> {
    /** The subcommands, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("assess", AssessCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("test", TestCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("scan", ScanCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether {@link #err} is a terminal; asked only by a command that draws on it (scan's progress bar). */
    java.util.function.BooleanSupplier errIsTerminal = () -> false;

    /** Set by a command that has reported a write failure on {@link #out} itself. */
    boolean outputFailureReported;

    /** The message for output that could not be written to {@code where}. */
    static String outputFailure(String where, String failure) {
        return where + ": cannot write: " + failure + "; the output is incomplete";
    }

    @Override
    public Integer call() {
        err.println("procsec: no command given (expected one of " + String.join(", ", spec.subcommands().keySet())
                + "; 'procsec help COMMAND' describes one)");
        err.println();
        spec.commandLine().usage(err);
        return ExitCodes.BAD_INPUT;
    }

    /** Runs {@code args} with the given streams and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        return run(args, out, err, in, () -> false);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, InputStream)}; {@code errIsTerminal} tells whether err is a terminal. */
    static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in,
                   java.util.function.BooleanSupplier errIsTerminal) {
        String named = commandName(args);
        if (usesBundledRules(args)) {
            // Overlaps loading the precompiled rules (about 0.4 s cold) with picocli's set-up;
            // the load is used only if the rule files turn out to have its fingerprint.
            org.procsec.internal.engine.RuleCompiler.prefetchPrecompiled();
        }
        ProcsecCli cli = new ProcsecCli(out, err, in);
        cli.errIsTerminal = errIsTerminal;
        CommandLine cmd = new CommandLine(cli);
        // picocli reflects over every command it is given (about 30 ms each, cold), so a run that
        // names a command gets only that one; anything else (help, a typo) gets them all.
        // help and completion describe every command, so they get them all.
        if (COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("completion")) {
            cmd.addSubcommand(named, COMMANDS.get(named).get());
        } else {
            COMMANDS.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode() : ExitCodes.BAD_INPUT);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                err.println(org.procsec.internal.text.LogText.escapeLines(c.getMessage()));
                err.flush();
                return c.exitCode();
            }
            err.println("error: " + org.procsec.internal.text.LogText.escapeLines(String.valueOf(e)));
            if (cli.debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println(org.procsec.internal.text.LogText.escapeLines(e.getMessage()));
            e.getCommandLine().usage(err);
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cmd.execute(args);
        // Every command prints through out: a write that failed (full disk, closed pipe) anywhere is
        // an incomplete output, never a success. The scanner stops at the failure itself.
        String failure = Output.failure(out);
        if (failure != null && !cli.outputFailureReported) {
            err.println(outputFailure("stdout", failure));
            code = ExitCodes.OUTPUT_FAILED;
        }
        err.flush();
        return code;
    }

    /** True for an {@code assess} or {@code scan} without {@code --rules}: it will use the bundled rules. */
    static boolean usesBundledRules(String[] args) {
        String command = commandName(args);
        return (command.equals("assess") || command.equals("scan"))
                && Arrays.stream(args).noneMatch(a -> a.equals("--rules") || a.startsWith("--rules="));
    }

    /** The first argument that is not an option: the command ({@code --debug} is the only top-level option). */
    private static String commandName(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
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
        // Drools' advice on files (package and folder names) is engine log too: only with --debug.
        System.setProperty("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieBuilderImpl",
                debug ? "debug" : "off");
        // Not System.out: a PrintStream swallows write errors, and a full disk must not look like success.
        PrintWriter out = Output.over(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16));
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, System.in, Terminal::stderrIsTerminal));
    }
}
