package org.procsec.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher template, src/main/sh/procsec (target/bin/procsec after {@code mvn package}), run
 * on a stand-in jar (LauncherProbe) laid out as the build lays it out: bin/procsec beside
 * procsec-cli.jar's folder. {@code mvn test} has no package phase, so the real archive is not
 * made here; the build itself runs src/main/sh/make-cds-archive.sh.
 */
class LauncherScriptTest {
    private static final Path TEMPLATE = Path.of("src/main/sh/procsec").toAbsolutePath();
    private static final Path MAKER = Path.of("src/main/sh/make-cds-archive.sh").toAbsolutePath();

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;
    Path bin;
    Path jar;
    Path archive;
    Path stamp;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void layOut() throws IOException {
        bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(TEMPLATE, bin.resolve("procsec"));
        bin.resolve("procsec").toFile().setExecutable(true);
        jar = home.resolve("procsec-cli.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        archive = bin.resolve("procsec.jsa");
        stamp = bin.resolve("procsec.jsa.stamp");
    }

    @Test
    void bothScriptsAreValidShell_andBashNCatchesABrokenOne() throws Exception {
        assertThat(run(List.of("bash", "-n", TEMPLATE.toString())).code()).isZero();
        assertThat(run(List.of("bash", "-n", MAKER.toString())).code()).isZero();
        Path broken = elsewhere.resolve("broken");
        Files.writeString(broken, Files.readString(TEMPLATE).replace("\nfi\n", "\n"));
        Run r = run(List.of("bash", "-n", broken.toString()));
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("syntax error");
    }

    @Test
    void missingArchive_warnsAndFallsBackToPlainJavaJar() throws Exception {
        Run r = launcher("assess", "a b.json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("procsec: warning: the class-data archive " + bin.toRealPath().resolve("procsec.jsa"))
                .contains("is missing; starting without it");
        assertThat(r.out()).contains("args assess a b.json").doesNotContain("SharedArchiveFile").doesNotContain("Tiered");
    }

    @Test
    void archiveOfAnotherJar_orOlderThanTheJar_orOfAnotherBuild_orAnotherJava_fallsBack() throws Exception {
        Files.write(archive, new byte[] {1});
        Files.writeString(stamp, "/elsewhere/procsec-cli.jar\n" + realJava() + "\n" + version() + "\n");
        assertThat(launcher("test").err()).contains("was made for another jar (/elsewhere/procsec-cli.jar)");

        Files.writeString(stamp, jar.toRealPath() + "\n/opt/other/bin/java\n" + version() + "\n");
        assertThat(launcher("test").err()).contains("was made for another java (/opt/other/bin/java");

        Files.writeString(stamp, jar.toRealPath() + "\n" + realJava() + "\n1 2\n");
        assertThat(launcher("test").err()).contains("was made for another build of");

        Files.writeString(stamp, jar.toRealPath() + "\n" + realJava() + "\n" + version() + "\n");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        Run r = launcher("test");
        assertThat(r.err()).contains("is older than");
        assertThat(r.out()).contains("args test").doesNotContain("SharedArchiveFile");
    }

    @Test
    void freshArchive_isUsed_withOneShotJitSettings_butNotForScan_fromAnyFolder_andThroughASymlink() throws Exception {
        Files.write(archive, new byte[] {1}); // the JVM drops an unreadable archive itself (-Xshare:auto)
        Files.writeString(stamp, jar.toRealPath() + "\n" + realJava() + "\n" + version() + "\n");
        Run r = launcher("test", "x");
        assertThat(r.err()).doesNotContain("procsec: warning");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("-XX:SharedArchiveFile=" + archive.toRealPath())
                .contains("-XX:TieredStopAtLevel=1").contains("args test x");

        assertThat(launcher("scan", "-").out()).contains("-XX:SharedArchiveFile=").doesNotContain("TieredStopAtLevel");

        Path link = elsewhere.resolve("procsec");
        Files.createSymbolicLink(link, bin.resolve("procsec"));
        Run linked = run(List.of(link.toString(), "assess"));
        assertThat(linked.err()).doesNotContain("procsec: warning");
        assertThat(linked.out()).contains("-XX:SharedArchiveFile=" + archive.toRealPath());

        // The stamp's fourth line: java found by the same path as at build time needs no readlink.
        String found = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(stamp, jar.toRealPath() + "\n" + realJava() + "\n" + version() + "\n" + found + "\n");
        assertThat(launcher("assess").err()).doesNotContain("procsec: warning");
        Files.writeString(stamp, jar.toRealPath() + "\n/opt/other/bin/java\n" + version() + "\n/opt/other/bin/java\n");
        assertThat(launcher("assess").err()).contains("was made for another java (/opt/other/bin/java, not " + realJava());
    }

    @Test
    void missingJar_failsWithTheBuildCommand() throws Exception {
        Files.delete(jar);
        Run r = launcher("assess");
        assertThat(r.code()).isEqualTo(70);
        assertThat(r.err()).contains("procsec-cli.jar is missing; build it with: mvn -B -q -DskipTests package");
    }

    private Run launcher(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("procsec").toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private String version() throws Exception {
        return run(List.of("bash", "-c", "stat -c '%Y %s' \"$0\" 2>/dev/null || stat -f '%m %z' \"$0\"",
                jar.toString())).out().strip();
    }

    private static String realJava() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString();
    }

    private Run run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("PROCSEC_JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
