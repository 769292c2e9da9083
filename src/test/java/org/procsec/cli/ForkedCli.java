package org.procsec.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line in a JVM of its own, as a user runs it: its own heap limit, real pipes, real
 * signals, and the CLI's own logging set-up (the test class path's simplelogger.properties is left out).
 */
final class ForkedCli {
    private ForkedCli() {
    }

    static ProcessBuilder command(List<String> jvmOptions, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String main = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes") && !p.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-XX:TieredStopAtLevel=1"); // a short run: start fast
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(main);
        cmd.add("org.procsec.cli.ProcsecCli");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
