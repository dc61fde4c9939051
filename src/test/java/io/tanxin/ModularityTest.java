package io.tanxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the monolith modular (DESIGN §3): modules use each other's public API only, and the
 * calculation cores stay plain Java so they can run inside Flink or Spark unchanged (DESIGN §8).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TanxinApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tanxin");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void calculationCoresArePlainJava() {
        noClasses().that().resideInAnyPackage("io.tanxin.accounting.engine..", "io.tanxin.demo.generator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.sql..",
                        "java.sql..", "tools.jackson..", "com.fasterxml..", "io.tanxin.shared.web..")
                .check(CLASSES);
    }

    @Test
    void coresDoNotReachIntoTheModulesAroundThem() {
        noClasses().that().resideInAnyPackage("io.tanxin.accounting.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.tanxin.accounting.engine..",
                        "io.tanxin.shared")
                .check(CLASSES);
    }
}
