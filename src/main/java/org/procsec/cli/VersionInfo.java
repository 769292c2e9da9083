package org.procsec.cli;

import org.procsec.ruleset.RuleSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What {@code procsec --version} prints: the procsec version, the bundled rules' policy edition and
 * fingerprint, and the Drools and Java versions.
 */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        RuleSource bundled = RuleSource.bundled();
        return new String[] {
            "procsec " + property("/org/procsec/cli/version.properties", "version"),
            "policy edition " + edition(bundled) + " (bundled rules)",
            "rules fingerprint " + bundled.fingerprint(),
            "Drools " + property("/META-INF/maven/org.drools/drools-core/pom.properties", "version"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    private static String edition(RuleSource rules) {
        byte[] parameters = rules.files().get("reference/parameters.json");
        if (parameters == null) {
            return "unknown";
        }
        try {
            var node = org.procsec.internal.json.JsonTree.parse(new String(parameters, java.nio.charset.StandardCharsets.UTF_8))
                    .root().get("edition");
            return node == null ? "unknown" : node.asText();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String property(String resource, String key) {
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
