package org.procsec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;
import org.procsec.internal.engine.CompiledRules;
import org.procsec.internal.engine.RuleCompiler;
import org.procsec.io.AssessmentJson;
import org.procsec.internal.text.LogText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code validate [DIR]}: builds a rule set and prints every problem once as {@code path:line:col: message},
 * the path as the author gave DIR. A rule set is DIR's own {@code *.drl} files and {@code reference/*.json}:
 * subfolders are not read as rules.
 */
@Command(name = "validate", sortOptions = false,
        description = {"Build the rules (default: bundled) and print every problem once as path:line:col: message.",
                "DIR's own *.drl files and reference/*.json are the rule set; other subfolders are not read."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "2:bad usage (DIR is not a directory)", "3:problems found"})
final class ValidateCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json: {\"ok\", \"rules\", \"fingerprint\", \"problems\": [{\"path\", \"line\","
                    + " \"column\", \"message\"}]}.")
    String format = "text";

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path dir;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format: expected text or json, got \""
                    + LogText.escape(format) + "\"");
        }
        RuleSource source;
        if (dir == null) {
            source = RuleSource.bundled();
        } else {
            try {
                source = RuleSource.directory(dir);
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, dir + ": " + (Files.exists(dir) ? Inputs.message(e)
                        : "no such directory"));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRules rules = null;
        if (dir != null && notARuleDirectory(dir)) {
            problems.add(new RuleProblem(".", 0, 0, "not a rule directory: no *.drl files and no reference/ folder"
                    + ruleDirsBelow(dir)));
        } else {
            try {
                rules = RuleCompiler.compile(source);
            } catch (RuleBuildException e) {
                problems.addAll(e.problems());
            }
        }
        List<RuleProblem> shown = problems.stream().distinct().map(this::asTyped).toList();
        if (format.equals("json")) {
            ObjectNode o = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
            o.put("ok", rules != null);
            o.put("rules", source.description());
            o.put("fingerprint", source.fingerprint());
            if (rules != null) {
                o.put("ruleCount", rules.rules().size());
                o.put("edition", rules.edition());
                var warnings = o.putArray("warnings");
                for (RuleProblem p : rules.unbatchable().stream().map(this::asTyped).toList()) {
                    ObjectNode n = warnings.addObject();
                    n.put("path", p.path());
                    n.put("line", p.line());
                    n.put("column", p.column());
                    n.put("message", p.message());
                }
            }
            var list = o.putArray("problems");
            for (RuleProblem p : shown) {
                ObjectNode n = list.addObject();
                n.put("path", p.path());
                n.put("line", p.line());
                n.put("column", p.column());
                n.put("message", p.message());
            }
            parent.out.println(org.procsec.internal.json.AssessmentNodes.pretty(o));
        } else if (rules != null) {
            parent.out.println("ok: " + rules.rules().size() + " rules, " + rules.referenceData().clauses().size()
                    + " clauses, fingerprint " + rules.fingerprint());
            // Not errors: such rules build and assess correctly, one request per session (slower).
            rules.unbatchable().stream().map(this::asTyped).forEach(p -> parent.out.println("warning: "
                    + LogText.escape(p.toString())
                    + " (requests are assessed one per session)"));
        } else {
            shown.forEach(p -> parent.out.println(LogText.escape(p.toString())));
            parent.out.println(shown.size() + " problem" + (shown.size() == 1 ? "" : "s"));
        }
        parent.out.flush();
        return rules != null ? ExitCodes.OK : ExitCodes.RULES_BROKEN;
    }

    /** The problem with its path as the author would open it: under DIR as DIR was typed. */
    private RuleProblem asTyped(RuleProblem p) {
        if (dir == null) {
            return p;
        }
        String path = p.path().equals(".") ? dir.toString() : dir.resolve(p.path()).toString();
        return new RuleProblem(path, p.line(), p.column(), p.message());
    }

    private static boolean notARuleDirectory(Path dir) {
        if (Files.isDirectory(dir.resolve("reference"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code "; rule directories below it: a, b"} for subfolders that look like rule directories, or "". */
    private static String ruleDirsBelow(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            List<String> found = walk.filter(Files::isDirectory).filter(d -> !d.equals(dir))
                    .filter(d -> Files.isDirectory(d.resolve("reference")) && !notARuleDirectory(d))
                    .map(Path::toString).sorted().toList();
            return found.isEmpty() ? "" : " (rule directories below it: " + String.join(", ", found) + ")";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
