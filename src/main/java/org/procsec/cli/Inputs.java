package org.procsec.cli;

import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.RequestJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * An engine over {@code source} with the default limits;
     * see {@link #engine(RuleSource, String, Integer, Long)}.
     */
    static PolicyEngine engine(RuleSource source, String expectedFingerprint) {
        return engine(source, expectedFingerprint, null, null);
    }

    /**
     * An engine over {@code source}. With {@code expectedFingerprint} (the value of {@code --expect-fingerprint},
     * null when not given), rules whose fingerprint differs end the command with exit 3 before they are
     * compiled; a build failure ends it with exit 3 too. {@code maxFirings} and {@code timeBudgetMs}
     * bound each assessment (null: the engine's defaults); a bad value ends the command with exit 2.
     */
    static PolicyEngine engine(RuleSource source, String expectedFingerprint, Integer maxFirings, Long timeBudgetMs) {
        String want = expectedFingerprint(expectedFingerprint);
        if (want != null && !want.equals(source.fingerprint())) {
            throw new CliException(ExitCodes.RULES_BROKEN, "rules " + source.description() + " have fingerprint "
                    + source.fingerprint() + ", not the expected " + want
                    + " (--expect-fingerprint): refusing to run a rule set other than the pinned one");
        }
        PolicyEngine.Builder builder = PolicyEngine.builder().rules(source).expectFingerprint(want);
        try {
            if (maxFirings != null) {
                builder.maxRuleFirings(maxFirings);
            }
            if (timeBudgetMs != null) {
                builder.timeBudget(Duration.ofMillis(timeBudgetMs));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, (maxFirings != null && maxFirings < 1 ? "--max-firings"
                    : "--time-budget-ms") + ": expected a number >= 1");
        }
        try {
            return builder.build();
        } catch (RuleBuildException e) {
            throw new CliException(ExitCodes.RULES_BROKEN, problems(e));
        }
    }

    /** The result of a task run on another thread; its exceptions are rethrown as they are. */
    static <T> T await(java.util.concurrent.FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.RULES_BROKEN, "interrupted while building the rules");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final Pattern FINGERPRINT = Pattern.compile("(?:sha256:)?([0-9a-fA-F]{64})");

    /**
     * The value of {@code --expect-fingerprint} as {@code sha256:<lower-case hex>}, null when not given;
     * a value that is no SHA-256 ends the command with exit 2.
     */
    static String expectedFingerprint(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = FINGERPRINT.matcher(value.strip());
        if (!m.matches()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--expect-fingerprint: expected sha256:<64 hex digits> "
                    + "(as printed in an assessment's policy.fingerprint), got \"" + value + "\"");
        }
        return "sha256:" + m.group(1).toLowerCase(Locale.ROOT);
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

    /** Most bytes of a request file: UTF-8 takes at most 3 bytes per character of a request's limit. */
    static final long MAX_REQUEST_BYTES = 3L * RequestJson.MAX_DOCUMENT_CHARS;

    /**
     * The text of one request {@code file} (stdin for "-"), reading at most {@link #MAX_REQUEST_BYTES}
     * bytes: a larger file ends the command with exit 2 instead of filling the memory.
     */
    static String readRequest(String file, InputStream stdin) {
        try {
            byte[] bytes;
            if (file.equals("-")) {
                bytes = stdin.readNBytes((int) MAX_REQUEST_BYTES + 1);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    bytes = in.readNBytes((int) MAX_REQUEST_BYTES + 1);
                }
            }
            if (bytes.length > MAX_REQUEST_BYTES) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": more than " + MAX_REQUEST_BYTES
                        + " bytes (a request is at most " + RequestJson.MAX_DOCUMENT_CHARS + " characters)");
            }
            return org.procsec.internal.text.Utf8.decode(bytes);
        } catch (org.procsec.internal.text.Utf8.MalformedException e) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": " + message(e));
        }
    }

    /** What went wrong, in words (the caller names the file): "no such file", "permission denied", ... */
    static String message(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? "input/output error" : lowerFirst(e.getMessage());
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
