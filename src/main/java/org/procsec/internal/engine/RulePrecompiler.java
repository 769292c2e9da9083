package org.procsec.internal.engine;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.procsec.ruleset.RuleSource;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by Maven in {@code process-classes}, see pom.xml): compiles the bundled DRL with
 * Drools' executable model and writes the generated classes beside the other classes, with
 * {@value PrecompiledRules#RESOURCE} naming the model class and the fingerprint of the rule files
 * it was made from. At run time {@link PrecompiledRules} uses them for a rule set with exactly
 * that fingerprint, which skips parsing and compiling DRL (the cold start of the CLI).
 *
 * <p>Needs {@code drools-model-codegen} on the class path (test scope in the pom); it is looked up
 * by name so that the library itself does not depend on it.
 */
public final class RulePrecompiler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RulePrecompiler.class);
    private RulePrecompiler() {
    }

    /** {@code args[0]}: the classes directory (target/classes), which also holds the bundled rules. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulePrecompiler CLASSES_DIR");
        }
        Path out = Path.of(args[0]);
        RuleSource source = RuleSource.directory(out.resolve(RuleSource.BUNDLED_ROOT));
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.procsec", "precompiled-rules", "1.0.0");
        kfs.generateAndWritePomXML(id);
        Map<String, String> drl = new java.util.TreeMap<>();
        source.files().forEach((path, bytes) -> {
            if (path.endsWith(".drl") && path.indexOf('/') < 0) {
                drl.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        // The same request-scoped text as the DRL build compiles (RequestScoping).
        RequestScoping.Result scoped = RequestScoping.rewrite(drl);
        if (!scoped.problems().isEmpty() || !scoped.unbatchable().isEmpty()) {
            // Built from DRL at run time instead, which reports these (and keeps requests apart).
            Files.deleteIfExists(out.resolve(PrecompiledRules.RESOURCE));
            LOG.warn("rules not precompiled: {}", !scoped.problems().isEmpty() ? scoped.problems().get(0)
                    : scoped.unbatchable().get(0));
            return;
        }
        scoped.drl().forEach((path, text) -> kfs.write(RuleCompiler.KFS_ROOT + path, text));
        @SuppressWarnings("unchecked")
        Class<? extends org.kie.api.builder.KieBuilder.ProjectType> executableModel =
                (Class<? extends KieBuilder.ProjectType>) Class.forName("org.drools.model.codegen.ExecutableModelProject");
        KieBuilder builder = ks.newKieBuilder(kfs);
        Method buildAll = KieBuilder.class.getMethod("buildAll", Class.class);
        buildAll.invoke(builder, executableModel);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        Path marker = out.resolve(PrecompiledRules.RESOURCE);
        if (!errors.isEmpty()) {
            // The DRL build reports these, with file and line; without the marker the engine builds from DRL.
            Files.deleteIfExists(marker);
            LOG.warn("rules not precompiled ({} problems): {}", errors.size(), errors.get(0));
            return;
        }
        // A rule that fires on reference data alone would mix the requests of a shared session; the
        // run time checks that only when it builds from DRL (RuleCompiler), so the model is made only
        // from rules that pass it, and a cold start need not run a session to find out.
        List<org.procsec.ruleset.RuleProblem> loadProblems = new java.util.ArrayList<>();
        org.procsec.internal.refdata.ReferenceData data =
                org.procsec.internal.refdata.ReferenceDataLoader.load(source.files(), loadProblems);
        List<org.procsec.ruleset.RuleProblem> mixing = loadProblems;
        if (loadProblems.isEmpty()) {
            org.kie.api.KieBase kieBase = ks.newKieContainer(id).newKieBase(RuleCompiler.kieBaseConfiguration(ks));
            mixing = RuleCompiler.checkReferenceOnly(kieBase, data, RuleCompiler.describe(kieBase, drl));
        }
        if (!mixing.isEmpty()) {
            Files.deleteIfExists(marker);
            LOG.warn("rules not precompiled: {}", mixing.get(0));
            return;
        }
        Object module = builder.getKieModule();
        Object internal = module.getClass().getMethod("getInternalKieModule").invoke(module);
        Object fs = internal.getClass().getMethod("getMemoryFileSystem").invoke(internal);
        @SuppressWarnings("unchecked")
        Map<Object, byte[]> files = (Map<Object, byte[]>) fs.getClass().getMethod("getMap").invoke(fs);
        String modelClass = null;
        int written = 0;
        for (Map.Entry<Object, byte[]> e : files.entrySet()) {
            String path = (String) e.getKey().getClass().getMethod("asString").invoke(e.getKey());
            if (!path.endsWith(".class") || path.startsWith("org/drools/project/")) {
                continue;
            }
            Path target = out.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            written++;
            String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            if (name.matches(".*\\.Rules[0-9A-F]+$")) {
                modelClass = name;
            }
        }
        if (modelClass == null) {
            throw new IllegalStateException("no model class among the " + written + " generated classes");
        }
        // Written by hand rather than Properties.store, which adds a date: the same rules give the same bytes.
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "# written by org.procsec.internal.engine.RulePrecompiler at build time\n"
                + "fingerprint=" + source.fingerprint().replace(":", "\\:") + "\n"
                + "model=" + modelClass + "\n");
        ks.getRepository().removeKieModule(id);
        LOG.info("precompiled {} classes, model {}, rules {}", written, modelClass, source.fingerprint());
    }
}
