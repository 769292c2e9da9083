package org.procsec.compat;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library runs on what a host gets from its pom (docs: README, "Dependencies"): without the
 * executable-model code generator that drools-engine would bring (excluded in the pom), both with
 * the precompiled bundled rules and with DRL compiled at run time from a directory.
 */
class HostClasspathTest {
    /** Jars of the build-time code generator and of the test tools: not on a host's class path. */
    private static final List<String> NOT_FOR_HOSTS = List.of("drools-model-codegen", "javaparser", "drools-mvel-compiler",
            "drools-mvel-parser", "drools-model-prototype", "drools-codegen-common", "junit", "jqwik", "assertj",
            "json-schema-validator", "jsoup", "opentest4j", "apiguardian", "picocli", "slf4j-simple");

    @Test
    void libraryWithoutTheCodeGenerator_assessesWithBundledAndDirectoryRules() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> NOT_FOR_HOSTS.stream().noneMatch(e::contains))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).doesNotContain("drools-model-codegen").contains("drools-model-compiler");
        for (String rules : List.of("", "--rules=src/main/resources/rules")) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, LibrarySmoke.class.getName()));
            if (!rules.isEmpty()) {
                command.add(rules);
            }
            command.add("examples/pspc-hikvision-cameras.json");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).as(rules).contains("\"decision\":\"REJECT\"").contains("deep nesting refused");
        }
    }
}
