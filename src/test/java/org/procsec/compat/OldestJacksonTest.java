package org.procsec.compat;

import org.junit.jupiter.api.Test;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library on the oldest Jackson the README names (2.16, copied to target/jackson-VERSION by the
 * pom): same assessments, byte for byte, as on the Jackson it is built with, and the same limits
 * on hostile JSON. On 2.15 it fails (StreamReadConstraints cannot limit name lengths there), which is why 2.16 is the
 * floor.
 */
class OldestJacksonTest {
    private static final String OLDEST = System.getProperty("procsec.jackson.oldest", "unset (run through Maven)");
    private static final String[] FILES = {"examples/gac-nuctech-standing-offer.json", "examples/cbsa-hytera-radios.json"};

    @Test
    void oldestSupportedJackson_givesTheSameAssessments() throws Exception {
        Run run = run(Path.of("target/jackson-" + OLDEST));
        assertThat(run.exit).as(run.output).isZero();
        List<String> expected = new ArrayList<>();
        PolicyEngine engine = PolicyEngine.builder().build();
        for (String f : FILES) {
            expected.add(org.procsec.internal.json.AssessmentNodes.compact(org.procsec.internal.json.AssessmentNodes.toNode(
                    engine.assess(RequestJson.parse(Files.readString(Path.of(f))), LocalDate.parse("2026-11-22")))));
        }
        expected.add("deep nesting refused");
        expected.add("jackson " + OLDEST);
        assertThat(run.output.lines().filter(l -> !l.contains(" WARN ") && !l.contains(" INFO ")).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void jacksonBeforeTheFloor_fails() throws Exception {
        Run run = run(Path.of("target/jackson-" + System.getProperty("procsec.jackson.too-old")));
        assertThat(run.exit).isNotZero();
        assertThat(run.output).contains("StreamReadConstraints").contains("maxNameLength");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path jackson) throws Exception {
        assertThat(jackson).as("copied by the pom (maven-dependency-plugin)").isDirectory();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("com/fasterxml/jackson/core/"))
                .collect(Collectors.joining(File.pathSeparator));
        try (Stream<Path> jars = Files.list(jackson)) {
            classPath = jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator))
                    + File.pathSeparator + classPath;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", classPath, LibrarySmoke.class.getName()));
        command.addAll(List.of(FILES));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
