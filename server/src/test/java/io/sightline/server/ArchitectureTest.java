package io.sightline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The feature boundaries of ARCHITECTURE.md, kept honest. */
@AnalyzeClasses(packages = "io.sightline.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("io.sightline.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule executionKnowsNoListeners = noClasses().that().resideInAPackage("..server.execution..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.alert..", "..server.audit..", "..server.ops..",
                    "..server.schedule..");

    /** The pipeline on top of execution/ knows its two queue implementations only through its own interfaces. */
    @ArchTest
    static final ArchRule executionPipelineKnowsNoImplementation = noClasses()
            .that().resideInAPackage("io.sightline.server.execution")
            .should().dependOnClassesThat().resideInAnyPackage("..server.execution.redis..",
                    "..server.execution.embedded..");

    @ArchTest
    static final ArchRule executionImplementationsAreIndependent = noClasses()
            .that().resideInAPackage("..server.execution.redis..")
            .should().dependOnClassesThat().resideInAPackage("..server.execution.embedded..");

    @ArchTest
    static final ArchRule embeddedKnowsNotRedis = noClasses()
            .that().resideInAPackage("..server.execution.embedded..")
            .should().dependOnClassesThat().resideInAPackage("..server.execution.redis..");

    /** Parameter values and column values are the pipeline's leaves: they know nothing of jobs or queues. */
    @ArchTest
    static final ArchRule executionLeavesKnowNoPipeline = noClasses()
            .that().resideInAnyPackage("..server.execution.parameters..", "..server.execution.columns..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sightline.server.execution",
                    "..server.execution.redis..", "..server.execution.embedded..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes().that().areAnnotatedWith(Repository.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule constructorInjectionOnly = fields().should().notBeAnnotatedWith(Autowired.class);

    @ArchTest
    static final ArchRule systemKnowsNoFeature = noClasses().that().resideInAPackage("..server.system..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.query..", "..server.execution..",
                    "..server.result..", "..server.datasource..", "..server.demo..");
}
