package org.procsec.cli;

import org.procsec.api.RuleBuildException;
import org.procsec.api.RuleSource;
import org.procsec.engine.CompiledRules;
import org.procsec.engine.RuleCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate [DIR]}: builds a rule set and prints every problem as {@code path:line:col: message}. */
@Command(name = "validate", description = "Build the rules (default: bundled) and print every problem as "
        + "path:line:col: message.", exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "2:bad usage", "3:problems found"})
final class ValidateCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path dir;

    @Override
    public Integer call() {
        RuleSource source = Inputs.rules(dir);
        try {
            CompiledRules rules = RuleCompiler.compile(source);
            parent.out.println("ok: " + rules.rules().size() + " rules, " + rules.referenceData().clauses().size()
                    + " clauses, fingerprint " + rules.fingerprint());
            return ExitCodes.OK;
        } catch (RuleBuildException e) {
            e.problems().forEach(p -> parent.out.println(p));
            parent.out.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s"));
            return ExitCodes.RULES_BROKEN;
        }
    }
}
