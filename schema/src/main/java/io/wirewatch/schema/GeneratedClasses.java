package io.wirewatch.schema;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to load generated classes reflectively (as serdes, copying builders and defaults do) until
 * their package is trusted. {@link #trust()} trusts this module's package once; every serde calls it, and so must
 * code that builds records before any serde exists.
 */
public final class GeneratedClasses {

    private static final AtomicBoolean TRUSTED = new AtomicBoolean();

    private GeneratedClasses() {
    }

    /** Trusts {@code io.wirewatch.schema.*} in Avro's class validator; idempotent and thread-safe. */
    public static void trust() {
        if (TRUSTED.compareAndSet(false, true)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(),
                    type -> type.getName().startsWith("io.wirewatch.schema.")));
        }
    }
}
