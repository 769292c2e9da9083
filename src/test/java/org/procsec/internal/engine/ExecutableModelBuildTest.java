package org.procsec.internal.engine;

import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.procsec.ruleset.RuleSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the bundled rules with the executable model too: it type-checks constraints that the
 * classic (MVEL) build accepts and only fails on at run time (see NOTES.md).
 */
class ExecutableModelBuildTest {
    @Test
    void bundledRules_buildCleanlyWithTheExecutableModel() {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.procsec.test", "exec-model", "1.0.0");
        kfs.generateAndWritePomXML(id);
        RuleSource.bundled().files().forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                kfs.write("src/main/resources/rules/" + path, bytes);
            }
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        assertThat(errors).isEmpty();
        ks.getRepository().removeKieModule(id);
    }
}
