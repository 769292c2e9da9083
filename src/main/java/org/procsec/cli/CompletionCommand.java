package org.procsec.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code completion}: prints a bash/zsh completion script for procsec (picocli's generator). */
@Command(name = "completion",
        description = {"Print a bash (and zsh) completion script for procsec, made by picocli's AutoComplete.",
                "Use: alias procsec='java -jar /path/to/procsec-cli.jar'; source <(procsec completion)"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed"})
final class CompletionCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    ProcsecCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        parent.out.print(AutoComplete.bash("procsec", root));
        parent.out.flush();
        return ExitCodes.OK;
    }
}
