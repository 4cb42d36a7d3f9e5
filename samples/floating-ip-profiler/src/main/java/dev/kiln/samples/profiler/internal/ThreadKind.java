package dev.kiln.samples.profiler.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Platform or virtual worker threads. The code is Java 17 bytecode, so virtual threads ({@code Thread.ofVirtual()},
 * JDK 21+) are looked up once, reflectively, when this class loads; on older JVMs {@link #VIRTUAL} reports why it is
 * unavailable.
 */
public enum ThreadKind {
    PLATFORM,
    VIRTUAL;

    private static final ThreadFactory VIRTUAL_FACTORY;
    private static final String VIRTUAL_UNAVAILABLE;

    static {
        ThreadFactory factory = null;
        String reason = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            MethodHandle name = lookup.findVirtual(builderClass, "name",
                    MethodType.methodType(builderClass, String.class, long.class));
            MethodHandle toFactory = lookup.findVirtual(builderClass, "factory", MethodType.methodType(ThreadFactory.class));
            Object builder = name.invoke(ofVirtual.invoke(), "kiln-profiler-virtual-", 0L);
            factory = (ThreadFactory) toFactory.invoke(builder);
            factory.newThread(() -> { }); // preview-only JVMs (19, 20) throw here
        } catch (Throwable e) {
            factory = null;
            reason = "virtual threads need JDK 21 or newer; this JVM is " + Runtime.version()
                    + " (" + e.getClass().getSimpleName() + ")";
        }
        VIRTUAL_FACTORY = factory;
        VIRTUAL_UNAVAILABLE = reason;
    }

    /** Empty if threads of this kind can be made on this JVM, otherwise why not. */
    public Optional<String> unavailableReason() {
        return this == VIRTUAL ? Optional.ofNullable(VIRTUAL_UNAVAILABLE) : Optional.empty();
    }

    public boolean available() {
        return unavailableReason().isEmpty();
    }

    /** A new, unstarted thread of this kind. */
    public Thread newThread(Runnable task, String name) {
        if (this == PLATFORM) {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        }
        if (VIRTUAL_FACTORY == null) {
            throw new IllegalStateException(VIRTUAL_UNAVAILABLE);
        }
        return VIRTUAL_FACTORY.newThread(task);
    }

    public String label() {
        return this == PLATFORM ? "platform" : "virtual";
    }
}
