package io.tanxin.evidence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Merkle and signed-note cores use only java.* and the shared kernel (DESIGN §3), so the offline verifier needs nothing else. */
class EvidenceCoreIsPlainJavaTest {

    @Test
    void merkleAndNoteUseOnlyTheJdkAndTheSharedKernel() {
        noClasses().that().resideInAnyPackage("io.tanxin.evidence.merkle..", "io.tanxin.evidence.note..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.tanxin.evidence.merkle..",
                        "io.tanxin.evidence.note..", "io.tanxin.shared")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tanxin.evidence"));
    }
}
