package io.wirewatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wirewatch");

    @Test
    void servicesShouldMeetOnlyAtTopicsAndSchemas() {
        String[][] pairs = {
            {"io.wirewatch.ingest..", "io.wirewatch.enrich.."}, {"io.wirewatch.ingest..", "io.wirewatch.alerts.."},
            {"io.wirewatch.enrich..", "io.wirewatch.ingest.."}, {"io.wirewatch.enrich..", "io.wirewatch.alerts.."},
            {"io.wirewatch.alerts..", "io.wirewatch.ingest.."}, {"io.wirewatch.alerts..", "io.wirewatch.enrich.."},
        };
        for (String[] pair : pairs) {
            noClasses().that().resideInAPackage(pair[0]).should().dependOnClassesThat().resideInAPackage(pair[1])
                    .because("ingest, enrich and alerts are separate services that meet only at Kafka topics")
                    .check(CLASSES);
        }
    }

    @Test
    void onlyTheAppAndTestsShouldUseTheEmbeddedBroker() {
        noClasses().that().resideOutsideOfPackages("io.wirewatch.app..", "io.wirewatch.broker..")
                .should().dependOnClassesThat().resideInAPackage("io.wirewatch.broker..")
                .because("services run against any Kafka cluster; the embedded broker is for one-JVM mode and tests")
                .check(CLASSES);
    }

    @Test
    void schemaShouldDependOnNoService() {
        noClasses().that().resideInAPackage("io.wirewatch.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.enrich..",
                        "io.wirewatch.alerts..", "io.wirewatch.app..", "io.wirewatch.broker..", "io.wirewatch.nlp..",
                        "io.wirewatch.tools..")
                .because("the schema module is the shared contract every service depends on")
                .check(CLASSES);
    }

    @Test
    void onlyEnrichTheToolsAndTheCommandShouldUseTheNlpLibrary() {
        noClasses().that().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.alerts..",
                        "io.wirewatch.broker..", "io.wirewatch.schema..")
                .should().dependOnClassesThat().resideInAPackage("io.wirewatch.nlp..")
                .because("enrich reads the stories; the other services meet its results on topics")
                .check(CLASSES);
    }

    @Test
    void noServiceShouldUseTheTools() {
        noClasses().that().resideOutsideOfPackages("io.wirewatch.tools..", "io.wirewatch.app..")
                .should().dependOnClassesThat().resideInAPackage("io.wirewatch.tools..")
                .because("training and evaluation tools are reached from the command only, never from a service")
                .check(CLASSES);
    }
}
