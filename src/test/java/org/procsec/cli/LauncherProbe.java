package org.procsec.cli;

import java.lang.management.ManagementFactory;

/** Stands in for the CLI in LauncherScriptTest: prints its JVM options and its arguments. */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("jvm " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.println("args " + String.join(" ", args));
    }
}
