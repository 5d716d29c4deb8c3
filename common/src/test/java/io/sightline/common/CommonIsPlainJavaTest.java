package io.sightline.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** common is shared by server and desktop client: plain Java plus Jackson annotations, nothing else. */
@AnalyzeClasses(packages = "io.sightline.common", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonIsPlainJavaTest {

    @ArchTest
    static final ArchRule onlyJdkAndJacksonAnnotations = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "javafx..", "io.sightline.server..", "io.sightline.desktop..",
                    "tools.jackson..", "com.fasterxml.jackson.databind..", "jakarta..");
}
