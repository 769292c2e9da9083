package org.procsec.compat;

import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a host does with the library, as a program of its own (run by {@link OldestJacksonTest}
 * with another Jackson on the class path): read each request file given, assess it, write it.
 */
public final class LibrarySmoke {
    private LibrarySmoke() {
    }

    public static void main(String[] args) throws Exception {
        PolicyEngine engine = PolicyEngine.builder().build();
        if (args.length > 0 && args[0].startsWith("--rules=")) {
            // DRL compiled at run time, as for --rules DIR and reloads: needs no code generator.
            engine = PolicyEngine.builder().rulesDirectory(Path.of(args[0].substring("--rules=".length()))).build();
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        for (String file : args) {
            Assessment a = engine.assess(RequestJson.parse(Files.readString(Path.of(file))), LocalDate.parse("2026-11-22"));
            System.out.println(org.procsec.internal.json.AssessmentNodes.compact(org.procsec.internal.json.AssessmentNodes.toNode(a)));
        }
        try {
            RequestJson.parse("{\"id\": [" + "[".repeat(5000) + "]}");
            System.out.println("deep nesting accepted");
        } catch (org.procsec.model.InvalidRequestException e) {
            System.out.println("deep nesting refused");
        }
        System.out.println("jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
    }
}
