package org.procsec.cli;

import org.procsec.api.InputProblem;
import org.procsec.api.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
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

/** {@code assess [--as-of DATE] [--rules DIR] FILE...}: one assessment per request file. */
@Command(name = "assess", sortOptions = false,
        description = "Assess purchase requests: one assessment JSON per file (a JSON array when several).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assessed", "2:bad input", "3:rules fail to build"})
final class AssessCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Apply the policy in force on DATE (portfolio review) instead of each award date.")
    String asOf;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule directory (default: the bundled rules).")
    Path rules;

    @Option(names = "--expect-fingerprint", paramLabel = "SHA",
            description = "Refuse rules whose fingerprint differs (sha256:<hex> or <hex>).")
    String expectFingerprint;

    @Option(names = "--what-would-clear",
            description = "Add whatWouldClear to each assessment: the smallest edit sets that would clear a REFER/REJECT request.")
    boolean whatWouldClear;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Request JSON files; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() {
        LocalDate date = Inputs.date("--as-of", asOf);
        List<PurchaseRequest> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String file : files) {
            String text = Inputs.read(file, parent.in);
            try {
                requests.add(RequestJson.parse(text));
            } catch (InvalidRequestException e) {
                for (InputProblem p : e.problems()) {
                    errors.add(file + ": " + p);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, String.join("\n", errors));
        }
        PolicyEngine engine = Inputs.engine(Inputs.rules(rules), expectFingerprint);
        List<Assessment> out = new ArrayList<>();
        for (PurchaseRequest r : requests) {
            out.add(engine.assess(r, date));
        }
        if (whatWouldClear) {
            org.procsec.review.Counterfactuals cf = new org.procsec.review.Counterfactuals(engine);
            var nodes = AssessmentJson.mapper().createArrayNode();
            for (int i = 0; i < out.size(); i++) {
                var node = AssessmentJson.toNode(out.get(i));
                node.set("whatWouldClear", org.procsec.review.DiffJson.whatWouldClear(
                        cf.find(requests.get(i), date, out.get(i).decision())));
                nodes.add(node);
            }
            parent.out.println(AssessmentJson.pretty(files.size() == 1 ? nodes.get(0) : nodes));
        } else {
            parent.out.println(files.size() == 1 ? AssessmentJson.write(out.get(0)) : AssessmentJson.write(out));
        }
        parent.out.flush();
        return ExitCodes.OK;
    }
}
