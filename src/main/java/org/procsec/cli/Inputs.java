package org.procsec.cli;

import org.procsec.api.PolicyEngine;
import org.procsec.api.RuleBuildException;
import org.procsec.api.RuleProblem;
import org.procsec.api.RuleSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/** What several commands read: rule directories, dates, files. */
final class Inputs {
    private Inputs() {
    }

    /** The rules in {@code dir}, or the bundled rules when {@code dir} is null. */
    static RuleSource rules(Path dir) {
        if (dir == null) {
            return RuleSource.bundled();
        }
        try {
            return RuleSource.directory(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--rules " + dir + ": " + message(e));
        }
    }

    /** An engine over {@code source}; a build failure ends the command with exit 3. */
    static PolicyEngine engine(RuleSource source, String expectedFingerprint) {
        try {
            return PolicyEngine.builder().rules(source).expectFingerprint(expectedFingerprint).build();
        } catch (RuleBuildException e) {
            throw new CliException(ExitCodes.RULES_BROKEN, problems(e));
        }
    }

    /** One line {@code path:line:col: message} per problem. */
    static String problems(RuleBuildException e) {
        return e.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }

    /** A date option, or null when not given. */
    static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.BAD_INPUT, option + ": expected a date YYYY-MM-DD, got \"" + value + "\"");
        }
    }

    /** The text of {@code file}, or of stdin for "-". */
    static String read(String file, InputStream stdin) {
        try {
            if (file.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": " + message(e));
        }
    }

    static String message(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
