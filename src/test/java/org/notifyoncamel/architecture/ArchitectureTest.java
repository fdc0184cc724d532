package org.notifyoncamel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of the house (docs/adr/0101-package-boundaries.md): each capability package may
 * use others, but no two packages depend on each other, directly or around a longer loop; and a
 * store speaks SQL and domain exceptions, never HTTP. Each rule is also shown failing on a small
 * fixture that breaks it, so a rule that can no longer fail is noticed.
 */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.notifyoncamel");

    private static final JavaClasses FIXTURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.notifyoncamel.architecture.cyclefixture");

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("package $1").should().beFreeOfCycles();
    }

    static ArchRule storesWithoutHttp() {
        return noClasses().that().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().resideInAPackage("org.notifyoncamel.http..")
                .because("a store throws domain exceptions (common.NotFound, InvalidRequest, Conflict); "
                        + "http.JsonResponses alone maps them to HTTP");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        assertThat(APPLICATION.size()).as("application classes imported").isGreaterThan(200);
        noPackageCycles("org.notifyoncamel").check(APPLICATION);
    }

    @Test
    void storesNeverImportHttp() {
        storesWithoutHttp().check(APPLICATION);
    }

    /** The notification store and its group commit (ADR 0071, 0190) refuse with common.Overloaded, not an HTTP type. */
    @Test
    void theNotificationsPackageNeverImportsHttp() {
        noClasses().that().resideInAPackage("org.notifyoncamel.notifications..")
                .should().dependOnClassesThat().resideInAPackage("org.notifyoncamel.http..").check(APPLICATION);
    }

    @Test
    void theRulesFailOnAFixtureThatBreaksThem() {
        assertThatThrownBy(() -> noPackageCycles("org.notifyoncamel.architecture.cyclefixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> storesWithoutHttp().check(FIXTURE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HttpStore");
    }
}
