package dev.kiln.retry.facade;

/** Rethrows checked exceptions of woven methods unchanged through functional interfaces that do not declare them. */
final class Sneaky {
    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>cast(t);
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> X cast(Throwable t) throws X {
        throw (X) t;
    }
}
