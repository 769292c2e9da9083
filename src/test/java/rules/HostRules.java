package rules;

/** A host application's class in a top-level {@code rules} package (BundledRulesNamespaceTest). */
public final class HostRules {
    public static final String OWNER = "host";

    private HostRules() {
    }
}
