package org.procsec.cli;

import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.AssessmentJson;
import org.procsec.review.Corpus;
import org.procsec.review.DiffHtml;
import org.procsec.review.DiffJson;
import org.procsec.review.DiffReport;
import org.procsec.review.DiffText;
import org.procsec.review.GitRuleSource;
import org.procsec.review.PolicyDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code diff --base RULES --head RULES CORPUS}: what changes when the rules change. */
@Command(name = "diff", sortOptions = false,
        description = {"Assess every request of CORPUS under two rule sets and report what changed and why.",
                "RULES is a directory, git:REF or git:REF:path (default path " + GitRuleSource.DEFAULT_PATH + ").",
                "CORPUS is a folder of request/scenario *.json (and *.jsonl) files, or one such file.",
                "Unreadable corpus entries are reported and counted; the command exits 2 only when no entry "
                        + "could be read."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:diffed (changes or not, unless --fail-on-change)",
                "1:--fail-on-change and a request changed or a corpus entry could not be read",
                "2:bad input (options, rule location, or no corpus entry readable)",
                "3:a rule set fails to build"})
final class DiffCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--base", required = true, paramLabel = "RULES", description = "The rules before the change.")
    String base;

    @Option(names = "--head", required = true, paramLabel = "RULES", description = "The rules after the change.")
    String head;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Assess both sides at DATE (default: each scenario's asOf, else the award date).")
    String asOf;

    @Option(names = "--repo", paramLabel = "DIR", description = "Git repository for git: rules (default: .).")
    Path repo;

    @Option(names = "--fail-on-change", description = "Exit 1 when anything changed (for CI gates).")
    boolean failOnChange;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path html;

    @Option(names = "--no-counterfactuals", description = "Skip 'what would clear it' for REFER/REJECT requests.")
    boolean noCounterfactuals;

    @Parameters(index = "0", paramLabel = "CORPUS", description = "Folder or file of requests.")
    Path corpusPath;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format: expected text or json, got \"" + format + "\"");
        }
        LocalDate date = Inputs.date("--as-of", asOf);
        Corpus corpus;
        try {
            corpus = Corpus.load(corpusPath);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, corpusPath + ": " + Inputs.message(e));
        }
        if (corpus.entries().isEmpty()) {
            StringBuilder m = new StringBuilder(corpusPath + ": no request could be read");
            corpus.errors().forEach(e -> m.append('\n').append(e));
            throw new CliException(ExitCodes.BAD_INPUT, m.toString());
        }
        RuleSource baseRules = source("--base", base);
        RuleSource headRules = source("--head", head);
        PolicyEngine baseEngine = Inputs.engine(baseRules, null);
        PolicyEngine headEngine = Inputs.engine(headRules, null);
        DiffReport report = new PolicyDiff(baseEngine, headEngine, !noCounterfactuals).run(corpus, date, base, head)
                .withRuleFiles(org.procsec.review.RuleFileChange.between(baseRules, headRules));
        if (format.equals("json")) {
            parent.out.println(DiffJson.write(report));
        } else {
            parent.out.print(DiffText.render(report));
        }
        parent.out.flush();
        if (!report.errors().isEmpty()) {
            parent.err.println(report.errors().size() + " corpus entries could not be read (listed in the report)");
            parent.err.flush();
        }
        if (html != null) {
            try {
                Files.writeString(html, DiffHtml.render(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "--html " + html + ": " + Inputs.message(e));
            }
        }
        if (failOnChange && (report.changed() || !report.errors().isEmpty())) {
            return ExitCodes.CHECKS_FAILED;
        }
        return ExitCodes.OK;
    }

    private RuleSource source(String option, String spec) {
        if (GitRuleSource.isGitSpec(spec)) {
            try {
                return GitRuleSource.load(repo == null ? Path.of(".") : repo, spec);
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, option + " " + spec + ": " + Inputs.message(e));
            }
        }
        try {
            return RuleSource.directory(Path.of(spec));
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, option + " " + spec + ": " + Inputs.message(e));
        }
    }
}
