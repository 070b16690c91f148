package io.wirewatch.nlp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The library's boundaries: usable from plain Java, below every service (issue 15). */
class ArchitectureTest {

    /** nlp and the schema classes it reads, so that rules can follow a dependency through schema. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wirewatch.nlp", "io.wirewatch.schema");

    @Test
    void shouldNotReachKafkaEvenThroughTheSchemaModule() {
        noClasses().that().resideInAPackage("io.wirewatch.nlp..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .because("nlp reads and writes records, never topics: it is a library for plain Java, and the "
                        + "Kafka Streams service around it is enrich")
                .check(CLASSES);
    }

    @Test
    void shouldDependOnNoModuleAboveIt() {
        noClasses().that().resideInAPackage("io.wirewatch.nlp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.enrich..", "io.wirewatch.ingest..",
                        "io.wirewatch.alerts..", "io.wirewatch.app..", "io.wirewatch.broker..", "io.wirewatch.tools..")
                .because("nlp is the bottom floor beside schema: the services and the tools use it, not the reverse")
                .check(CLASSES);
    }
}
