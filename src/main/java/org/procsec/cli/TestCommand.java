package org.procsec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.api.PolicyEngine;
import org.procsec.engine.RuleInfo;
import org.procsec.io.AssessmentJson;
import org.procsec.testkit.ProcsecScenarios;
import org.procsec.testkit.Scenario;
import org.procsec.testkit.ScenarioResult;
import org.procsec.testkit.ScenarioSuite;
import org.procsec.testkit.SuiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code test [--rules DIR] DIR}: runs scenario files, prints failures, the closing line and rule coverage. */
@Command(name = "test", sortOptions = false,
        description = "Run the scenario files under DIR; print failures, 'N passed, N failed' and rule coverage.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all pass", "1:a failure, or coverage below --coverage-min", "2:bad input",
            "3:rules fail to build"})
final class TestCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path rules;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA", description = "Refuse rules whose fingerprint differs.")
    String expectFingerprint;

    @Option(names = "--run", paramLabel = "PATTERN", description = "Only scenarios whose file or name matches (regex).")
    String run;

    @Option(names = {"-v", "--verbose"}, description = "Print every scenario, not only failures.")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Option(names = "--coverage-min", paramLabel = "PCT", description = "Fail when rule coverage is below PCT percent.")
    Double coverageMin;

    @Parameters(paramLabel = "DIR", description = "Directory of scenario files (*.json, searched recursively).")
    Path dir;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format: expected text or json, got \"" + format + "\"");
        }
        Pattern only;
        try {
            only = run == null ? null : Pattern.compile(run);
        } catch (PatternSyntaxException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--run: not a regular expression: " + e.getDescription());
        }
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.BAD_INPUT, dir + ": not a directory");
        }
        List<Scenario> scenarios;
        try {
            scenarios = Scenario.loadAll(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, dir + ": " + Inputs.message(e));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, dir.resolve(e.getMessage()).toString());
        }
        PolicyEngine engine = Inputs.engine(Inputs.rules(rules), expectFingerprint);
        SuiteReport report = ScenarioSuite.run(engine, scenarios, only);
        boolean coverageOk = coverageMin == null || report.coveragePercent() + 1e-9 >= coverageMin;
        if (format.equals("json")) {
            parent.out.println(AssessmentJson.pretty(json(report, coverageOk)));
        } else {
            text(report, coverageOk);
        }
        return report.failed() == 0 && coverageOk ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }

    private void text(SuiteReport report, boolean coverageOk) {
        var out = parent.out;
        for (ScenarioResult r : report.results()) {
            if (!r.passed()) {
                out.println("FAIL " + ProcsecScenarios.describe(r));
                out.println();
            } else if (verbose) {
                out.println("PASS " + r.scenario().file() + ": " + r.scenario().name());
            }
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
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

    private ObjectNode json(SuiteReport report, boolean coverageOk) {
        ObjectNode root = AssessmentJson.nodes().objectNode();
        ArrayNode results = root.putArray("results");
        for (ScenarioResult r : report.results()) {
            ObjectNode n = results.addObject();
            n.put("file", r.scenario().file());
            n.put("name", r.scenario().name());
            n.put("passed", r.passed());
            r.differences().forEach(n.withArray("differences")::add);
            r.firedRules().forEach(n.withArray("firedRules")::add);
            if (r.assessment() != null && !r.passed()) {
                n.set("assessment", AssessmentJson.toNode(r.assessment()));
            }
            if (r.inputError() != null) {
                n.put("inputError", r.inputError());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", report.passed());
        summary.put("failed", report.failed());
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
