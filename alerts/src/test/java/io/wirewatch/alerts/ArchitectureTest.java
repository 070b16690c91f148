package io.wirewatch.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses ALERTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.wirewatch.alerts");

    @Test
    void shouldMeetIngestAndEnrichOnlyThroughTopicsAndSchemas() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.enrich..")
                .because("services meet only at topics and the schema classes (DESIGN.md)").check(ALERTS);
    }

    @Test
    void shouldKeepRulesFreeOfKafkaAndHttp() {
        noClasses().that().resideInAPackage("io.wirewatch.alerts.rules..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "io.javalin..", "org.eclipse.jetty..")
                .because("rules are pure decisions, testable and reusable without Kafka").check(ALERTS);
    }

    @Test
    void shouldNotLetTheTopologyDependOnTheWebLayer() {
        noClasses().that().resideInAPackage("io.wirewatch.alerts.topology..").should().dependOnClassesThat()
                .resideInAnyPackage("io.wirewatch.alerts.web..", "io.javalin..")
                .because("the topology is a pure function of its config").check(ALERTS);
    }
}
