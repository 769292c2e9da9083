package org.procsec.cli;

import org.procsec.api.InputProblem;
import org.procsec.api.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.LogText;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code assess [--as-of DATE] [--rules DIR] [--expect-fingerprint SHA] [--max-firings N] [--time-budget-ms MS]
 * FILE...}: one assessment per request file.
 */
@Command(name = "assess", sortOptions = false,
        description = "Assess purchase requests: one assessment JSON per file (a JSON array when several).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assessed", "2:bad input", "3:rules fail to build, or differ from --expect-fingerprint",
            "4:stdout could not be written (full disk, closed pipe)"})
final class AssessCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Apply the policy in force on DATE (portfolio review) instead of each award date.")
    String asOf;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path rules;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA",
            description = "Refuse rules whose fingerprint differs (sha256:<hex> or <hex>): exit 3.")
    String expectFingerprint;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Cap on rule firings per assessment; reaching it gives REFER (default: "
                    + PolicyEngine.DEFAULT_MAX_FIRINGS + ").")
    Integer maxFirings;

    @Option(names = "--time-budget-ms", paramLabel = "MS",
            description = "Time budget per assessment in milliseconds; exceeding it gives REFER (default: 5000).")
    Long timeBudgetMs;

    @Option(names = "--explain",
            description = "Add the rules that fired, in order, with the facts each matched: an `explanation` array in"
                    + " the JSON, and a readable trace on stderr.")
    boolean explain;

    @Option(names = "--what-would-clear",
            description = "Add whatWouldClear to each assessment: the smallest edit sets that would clear a REFER/REJECT request.")
    boolean whatWouldClear;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Request JSON files; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() {
        LocalDate date = Inputs.date("--as-of", asOf);
        // The engine builds on a second thread while the requests are read and parsed: on a cold
        // JVM both are mostly class loading, and this is what a one-file assess spends its time on.
        java.util.concurrent.FutureTask<PolicyEngine> building = new java.util.concurrent.FutureTask<>(
                () -> Inputs.engine(Inputs.rules(rules), expectFingerprint, maxFirings, timeBudgetMs));
        Thread builder = new Thread(building, "procsec-engine-build");
        builder.setDaemon(true);
        builder.start();
        List<PurchaseRequest> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String file : files) {
            String text = Inputs.readRequest(file, parent.in);
            try {
                requests.add(RequestJson.parse(text));
            } catch (InvalidRequestException e) {
                for (InputProblem p : e.problems()) {
                    errors.add(file + ": " + LogText.escape(p.toString()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, String.join("\n", errors));
        }
        PolicyEngine engine = Inputs.await(building);
        List<com.fasterxml.jackson.databind.node.ObjectNode> out = new ArrayList<>();
        org.procsec.review.Counterfactuals counterfactuals =
                whatWouldClear ? new org.procsec.review.Counterfactuals(engine) : null;
        for (PurchaseRequest r : requests) {
            org.procsec.engine.Explainer explainer = explain ? new org.procsec.engine.Explainer() : null;
            Assessment a = explain ? engine.assess(r, date, List.of(explainer)) : engine.assess(r, date);
            com.fasterxml.jackson.databind.node.ObjectNode node = AssessmentJson.toNode(a);
            if (counterfactuals != null) {
                org.procsec.review.Counterfactuals.Result clear = counterfactuals.find(r, date, a);
                node.set("whatWouldClear", org.procsec.review.DiffJson.whatWouldClear(clear));
                if (clear.capped()) {
                    node.put("whatWouldClearCapped", true);
                }
            }
            if (!explain) {
                out.add(node);
                continue;
            }
            var trace = node.putArray("explanation");
            parent.err.println("request " + LogText.escape(a.requestId()) + ": " + a.decision() + " (as of " + a.policy().asOf() + ")");
            int step = 1;
            for (org.procsec.engine.Explainer.FiredRule f : explainer.fired()) {
                var n = trace.addObject();
                n.put("ruleId", f.ruleId());
                n.put("clause", f.clause());
                n.put("rule", f.rule());
                f.matched().forEach(n.withArray("matched")::add);
                parent.err.println(String.format("%3d. %s  [clause %s]", step++, f.ruleId(), f.clause()));
                f.matched().forEach(m -> parent.err.println("       matched " + LogText.escape(m)));
            }
            out.add(node);
        }
        if (out.size() == 1) {
            parent.out.println(AssessmentJson.pretty(out.get(0)));
        } else {
            var array = AssessmentJson.nodes().arrayNode();
            out.forEach(array::add);
            parent.out.println(AssessmentJson.pretty(array));
        }
        parent.out.flush();
        return ExitCodes.OK;
    }
}
