package org.procsec.cli;

import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.internal.text.LogText;
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
        exitCodeList = {"0:assessed", "1:--fail-on and a decision at least that strict", "2:bad input",
            "3:rules fail to build, or differ from --expect-fingerprint",
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
            description = "Add the rules that fired, in order, with the facts each matched (type and fields): an"
                    + " `explanation` array in the JSON and one line per firing on stderr; in the text report, one"
                    + " line per firing.")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (default) or text: a report per request (decision, classification, findings by"
                    + " outcome with clause, message and remedy, what would clear it).")
    String format = "json";

    @Option(names = "--fail-on", paramLabel = "DECISION",
            description = "Exit 1 when a decision is at least DECISION: REFER (REFER or REJECT) or REJECT.")
    String failOn;

    @Option(names = "--what-would-clear",
            description = "Add whatWouldClear to each assessment: the smallest edit sets that would clear a REFER/REJECT request.")
    boolean whatWouldClear;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Request JSON files; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() {
        LocalDate date = Inputs.date("--as-of", asOf);
        if (!format.equals("json") && !format.equals("text")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format: expected json or text, got \""
                    + org.procsec.internal.text.LogText.escape(format) + "\"");
        }
        org.procsec.model.Decision failAt = null;
        if (failOn != null) {
            failAt = switch (failOn) {
                case "REFER" -> org.procsec.model.Decision.REFER;
                case "REJECT" -> org.procsec.model.Decision.REJECT;
                default -> throw new CliException(ExitCodes.BAD_INPUT, "--fail-on: expected REFER or REJECT, got \""
                        + org.procsec.internal.text.LogText.escape(failOn) + "\"");
            };
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new CliException(ExitCodes.BAD_INPUT, "-: stdin can be read only once (given "
                    + files.stream().filter("-"::equals).count() + " times)");
        }
        boolean textReport = format.equals("text");
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
        List<String> reports = new ArrayList<>();
        org.procsec.review.Counterfactuals counterfactuals =
                whatWouldClear || textReport ? new org.procsec.review.Counterfactuals(engine) : null;
        boolean failed = false;
        for (PurchaseRequest r : requests) {
            org.procsec.model.Explanation explanation = explain ? engine.explain(r, date) : null;
            Assessment a = explain ? explanation.assessment() : engine.assess(r, date);
            failed |= failAt != null && a.decision().atLeast(failAt);
            org.procsec.review.Counterfactuals.Result clear =
                    counterfactuals == null ? null : counterfactuals.find(r, date, a);
            if (textReport) {
                reports.add(AssessmentText.render(a, org.procsec.internal.engine.EngineCore.of(engine).rules().referenceData(),
                        a.decision().atLeast(org.procsec.model.Decision.REFER) ? clear : null,
                        explain ? explanation.firings() : null));
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode node = org.procsec.internal.json.AssessmentNodes.toNode(a);
            if (clear != null) {
                var sets = node.putArray("whatWouldClear");
                clear.sets().forEach(set -> {
                    var s = sets.addArray();
                    set.forEach(e -> s.add(e.description()));
                });
                if (clear.capped()) {
                    node.put("whatWouldClearCapped", true);
                }
            }
            if (!explain) {
                out.add(node);
                continue;
            }
            var trace = node.putArray("explanation");
            parent.err.println("request " + org.procsec.internal.text.LogText.escape(a.requestId()) + ": " + a.decision()
                    + " (as of " + a.policy().asOf() + ")");
            int step = 1;
            for (org.procsec.model.Explanation.Firing f : explanation.firings()) {
                var n = trace.addObject();
                n.put("ruleId", f.ruleId());
                n.put("clause", f.clause());
                n.put("rule", f.rule());
                var matched = n.putArray("matched");
                f.facts().forEach(fact -> matched.add(factNode(fact)));
                parent.err.println(String.format("%4d. ", step++) + org.procsec.internal.text.LogText.escape(f.line()));
            }
            out.add(node);
        }
        if (textReport) {
            parent.out.print(String.join("\n", reports));
        } else if (out.size() == 1) {
            parent.out.println(org.procsec.internal.json.AssessmentNodes.pretty(out.get(0)));
        } else {
            var array = org.procsec.internal.json.AssessmentNodes.nodes().arrayNode();
            out.forEach(array::add);
            parent.out.println(org.procsec.internal.json.AssessmentNodes.pretty(array));
        }
        parent.out.flush();
        if (failed) {
            return ExitCodes.CHECKS_FAILED;
        }
        return ExitCodes.OK;
    }

    /** A matched fact as JSON: {@code {"type": ..., "fields": {...}}}, values as JSON values. */
    static com.fasterxml.jackson.databind.node.ObjectNode factNode(org.procsec.model.Explanation.Fact fact) {
        var n = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        n.put("type", fact.type());
        var fields = n.putObject("fields");
        fact.fields().forEach((k, v) -> fields.set(k, jsonValue(v)));
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonValue(Object v) {
        var nodes = org.procsec.internal.json.AssessmentNodes.nodes();
        if (v == null) {
            return nodes.nullNode();
        }
        if (v instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return nodes.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number num) {
            return nodes.numberNode(new java.math.BigDecimal(num.toString()));
        }
        if (v instanceof org.procsec.model.Explanation.Fact f) {
            return factNode(f);
        }
        if (v instanceof List<?> l) {
            var arr = nodes.arrayNode();
            l.forEach(x -> arr.add(jsonValue(x)));
            return arr;
        }
        if (v instanceof java.util.Map<?, ?> m) {
            var obj = nodes.objectNode();
            m.forEach((k, x) -> obj.set(String.valueOf(k), jsonValue(x)));
            return obj;
        }
        return nodes.textNode(String.valueOf(v));
    }
}
