package org.procsec.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's command table names every option of every command, as its --help does. */
class ReadmeCommandsTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*|-v)\\b");

    @Test
    void everyOptionOfEveryCommand_isInItsReadmeSignature() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String command : new String[] {"assess", "validate", "test", "diff", "scan", "generate"}) {
            String help = CliRun.of(command, "--help").out();
            Set<String> options = new TreeSet<>();
            Matcher m = OPTION.matcher(help);
            while (m.find()) {
                options.add(m.group(1));
            }
            options.removeAll(Set.of("--help", "--version", "--debug"));
            String rows = readme.lines().filter(l -> l.startsWith("| `" + command + " ") || l.equals("| `" + command + "`"))
                    .map(l -> l.substring(0, l.indexOf("` |") < 0 ? l.length() : l.indexOf("` |")))
                    .collect(Collectors.joining("\n"));
            assertThat(rows).as("README row of " + command).isNotEmpty();
            for (String option : options) {
                assertThat(rows).as(command + " signature in README.md").contains(option);
            }
        }
    }
}
