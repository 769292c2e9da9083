package org.procsec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleInfo;
import org.procsec.io.AssessmentJson;
import org.procsec.internal.text.LogText;
import org.procsec.testkit.ProcsecScenarios;
import org.procsec.testkit.Scenario;
import org.procsec.testkit.ScenarioResult;
import org.procsec.testkit.ScenarioSuite;
import org.procsec.testkit.SuiteJUnitXml;
import org.procsec.testkit.SuiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code test [--rules DIR] DIR}: runs scenario files, prints failures, the closing line and rule coverage. */
@Command(name = "test", sortOptions = false,
        description = {"Run the scenario files under DIR; print failures, 'N passed, N failed' and rule coverage.",
                "A file that is not a valid scenario (bad JSON, a missing field, an expect that asserts nothing) is one",
                "failure with its message; the other scenarios still run, and the exit code is then 2."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all pass", "1:a failure, or coverage below --coverage-min",
            "2:bad input or usage: a file that is not a valid scenario, a --run pattern that matches none,",
            "  --coverage-min outside 0..100, no scenario files",
            "3:rules fail to build"})
final class TestCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path rules;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA", description = "Refuse rules whose fingerprint differs.")
    String expectFingerprint;

    @Option(names = "--run", paramLabel = "PATTERN",
            description = "Only scenarios whose file or name matches (regex); matching none is an error.")
    String run;

    @Option(names = {"-v", "--verbose"}, description = "Print every scenario, not only failures (text format).")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default), json, or junit (JUnit XML: one testcase per scenario, with timings).")
    String format = "text";

    @Option(names = "--coverage-min", paramLabel = "PCT",
            description = "Fail when rule coverage is below PCT percent (0 to 100).")
    Double coverageMin;

    @Option(names = "--watch",
            description = "After the run, re-run whenever a file under DIR or --rules changes (Ctrl-C stops).")
    boolean watch;

    /** How often --watch looks at the files; hidden, for tests. */
    @Option(names = "--watch-interval-ms", hidden = true, defaultValue = "500")
    long watchIntervalMs;

    @Parameters(paramLabel = "DIR", description = "Directory of scenario files (*.json, searched recursively).")
    Path dir;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json") && !format.equals("junit")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format: expected text, json or junit, got \""
                    + LogText.escape(format) + "\"");
        }
        if (coverageMin != null && !(coverageMin >= 0 && coverageMin <= 100)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--coverage-min: expected a percentage from 0 to 100, got "
                    + coverageMin);
        }
        Pattern only;
        try {
            only = run == null ? null : Pattern.compile(run);
        } catch (PatternSyntaxException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--run: not a regular expression: " + e.getDescription());
        }
        if (!watch) {
            return once(only);
        }
        Watch w = new Watch(rules == null ? List.of(dir) : List.of(dir, rules), watchIntervalMs);
        int code = runCatching(only);
        while (true) {
            try {
                w.awaitChange();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return code;
            }
            parent.out.println();
            parent.out.println("--- files changed: running again ---");
            parent.out.flush();
            code = runCatching(only);
        }
    }

    /** One run that reports a bad input or a broken rule set instead of ending the watch. */
    private int runCatching(Pattern only) {
        try {
            return once(only);
        } catch (CliException e) {
            parent.out.flush();
            parent.err.println(e.getMessage());
            parent.err.println("(watching for changes)");
            parent.err.flush();
            return e.exitCode();
        }
    }

    private int once(Pattern only) {
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.BAD_INPUT, dir + ": not a directory");
        }
        List<Scenario.Loaded> files;
        try {
            files = Scenario.loadEach(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, dir + ": " + Inputs.message(e));
        }
        if (files.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, dir + ": no scenario files (*.json)");
        }
        if (only != null && files.stream().noneMatch(f -> ScenarioSuite.matches(only, f))) {
            throw new CliException(ExitCodes.BAD_INPUT, "--run " + LogText.escape(run) + ": matches none of the "
                    + files.size() + " scenario files under " + dir + " (by file or name)");
        }
        PolicyEngine engine = Inputs.engine(Inputs.rules(rules), expectFingerprint);
        SuiteReport report = ScenarioSuite.runFiles(engine, files, only);
        boolean coverageOk = coverageMin == null || report.coveragePercent() + 1e-9 >= coverageMin;
        switch (format) {
            case "json" -> parent.out.println(org.procsec.internal.json.AssessmentNodes.pretty(json(report, coverageOk)));
            case "junit" -> {
                Map<String, String> props = new LinkedHashMap<>();
                props.put("rules", org.procsec.internal.engine.EngineCore.of(engine).rules().source());
                props.put("rulesFingerprint", engine.fingerprint());
                props.put("edition", engine.edition());
                props.put("ruleCoveragePercent", String.format(Locale.ROOT, "%.1f", report.coveragePercent()));
                parent.out.print(SuiteJUnitXml.render(report, "procsec test " + dir, coverageMin, props));
            }
            default -> text(report, coverageOk);
        }
        parent.out.flush();
        if (report.broken() > 0) {
            return ExitCodes.BAD_INPUT;
        }
        return report.failed() == 0 && coverageOk ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }

    private void text(SuiteReport report, boolean coverageOk) {
        var out = parent.out;
        for (ScenarioResult r : report.results()) {
            if (!r.passed()) {
                out.println("FAIL " + escapeLines(ProcsecScenarios.describe(r)));
                out.println();
            } else if (verbose) {
                out.printf(Locale.ROOT, "PASS %s: %s (%.0f ms)%n", LogText.escape(r.file()), LogText.escape(r.name()),
                        r.nanos() / 1e6);
            }
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed"
                + (report.broken() > 0 ? " (" + report.broken() + " not a valid scenario file)" : ""));
        out.println();
        out.printf(Locale.ROOT, "rule coverage: %.1f%% (%d of %d rules fired)%n", report.coveragePercent(),
                report.rules().size() - report.unfiredRules().size(), report.rules().size());
        if (!report.unfiredRules().isEmpty()) {
            out.println("rules no scenario fired:");
            for (RuleInfo r : report.unfiredRules()) {
                out.println("  " + r.id() + " (clause " + r.clause() + ") " + r.file() + ":" + r.line());
            }
        }
        if (!report.uncoveredClauses().isEmpty()) {
            out.println("clauses with no firing rule: " + String.join(", ", report.uncoveredClauses()));
        }
        if (!coverageOk) {
            out.printf(Locale.ROOT, "coverage %.1f%% is below --coverage-min %s%n", report.coveragePercent(),
                    coverageMin);
        }
    }

    /** Each line of {@code text} escaped on its own: request-derived text cannot add or forge lines. */
    private static String escapeLines(String text) {
        return String.join("\n", text.lines().map(LogText::escape).toList());
    }

    private ObjectNode json(SuiteReport report, boolean coverageOk) {
        ObjectNode root = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        ArrayNode results = root.putArray("results");
        for (ScenarioResult r : report.results()) {
            ObjectNode n = results.addObject();
            n.put("file", r.file());
            n.put("name", r.name());
            n.put("passed", r.passed());
            n.put("timeMs", Math.round(r.nanos() / 1e4) / 100.0);
            if (r.broken()) {
                n.put("brokenFile", true);
            }
            r.differences().forEach(n.withArray("differences")::add);
            r.firedRules().forEach(n.withArray("firedRules")::add);
            if (r.assessment() != null && !r.passed()) {
                n.set("assessment", org.procsec.internal.json.AssessmentNodes.toNode(r.assessment()));
            }
            if (r.inputError() != null) {
                n.put("inputError", r.inputError());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", report.passed());
        summary.put("failed", report.failed());
        summary.put("brokenFiles", report.broken());
        ObjectNode coverage = root.putObject("coverage");
        coverage.put("percent", Math.round(report.coveragePercent() * 10) / 10.0);
        coverage.put("rules", report.rules().size());
        coverage.put("ok", coverageOk);
        ArrayNode unfired = coverage.putArray("unfiredRules");
        for (RuleInfo r : report.unfiredRules()) {
            ObjectNode u = unfired.addObject();
            u.put("ruleId", r.id());
            u.put("clause", r.clause());
            u.put("file", r.file());
            u.put("line", r.line());
        }
        report.uncoveredClauses().forEach(coverage.withArray("uncoveredClauses")::add);
        return root;
    }
}
