package org.procsec.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering (issue 13.5), pinned so that cycles and leaks cannot come back:
 * <ul>
 *   <li>the public API ({@link #PUBLIC}) names no Drools, KIE, Jackson, internal or CLI type in a
 *       public signature, and no public API class extends or implements one;</li>
 *   <li>no two packages depend on each other, directly or through others;</li>
 *   <li>nothing outside {@code org.procsec.cli} depends on the CLI or on picocli (the library jar
 *       leaves the CLI out);</li>
 *   <li>the model depends on nothing of procsec's but itself and the name normaliser.</li>
 * </ul>
 */
class ArchitectureTest {
    /** The packages a host application uses. */
    static final String[] PUBLIC = {"org.procsec.api", "org.procsec.model", "org.procsec.io", "org.procsec.ruleset",
        "org.procsec.testkit", "org.procsec.review"};
    private static final List<String> FOREIGN = List.of("org.drools.", "org.kie.", "com.fasterxml.", "org.procsec.internal.",
            "org.procsec.cli.", "picocli.");

    static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.procsec");

    @Test
    void publicApi_namesNoVendorOrInternalType() {
        classes().that().resideInAnyPackage(PUBLIC).and().arePublic()
                .should(exposeOnlyProcsecAndJdkTypes())
                .check(LIBRARY);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("org.procsec.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void library_doesNotDependOnTheCli() {
        noClasses().that().resideOutsideOfPackage("org.procsec.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.procsec.cli..", "picocli..")
                .check(LIBRARY);
    }

    @Test
    void model_dependsOnlyOnItselfAndTheNameNormaliser() {
        noClasses().that().resideInAPackage("org.procsec.model")
                .should().dependOnClassesThat(DescribedPredicate.describe("procsec classes outside model and internal.names",
                        (JavaClass c) -> c.getPackageName().startsWith("org.procsec")
                                && !c.getPackageName().equals("org.procsec.model")
                                && !c.getPackageName().equals("org.procsec.internal.names")))
                .check(LIBRARY);
    }

    private static ArchCondition<JavaClass> exposeOnlyProcsecAndJdkTypes() {
        return new ArchCondition<>("name no Drools, Jackson, internal or CLI type in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getRawSuperclass().ifPresent(s -> report(c, "extends", s, events));
                c.getRawInterfaces().forEach(i -> report(c, "implements", i, events));
                for (JavaCodeUnit m : c.getCodeUnits()) {
                    if (!visible(m.getModifiers())) {
                        continue;
                    }
                    m.getReturnType().getAllInvolvedRawTypes().forEach(t -> report(c, m.getFullName() + " returns", t, events));
                    m.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes()
                            .forEach(t -> report(c, m.getFullName() + " takes", t, events)));
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        f.getType().getAllInvolvedRawTypes().forEach(t -> report(c, f.getFullName() + " is", t, events));
                    }
                }
            }
        };
    }

    private static boolean visible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void report(JavaClass owner, String what, JavaClass type, ConditionEvents events) {
        String name = type.getName();
        if (FOREIGN.stream().anyMatch(name::startsWith)) {
            events.add(SimpleConditionEvent.violated(owner, what + " " + name));
        }
    }
}
