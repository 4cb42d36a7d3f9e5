package dev.kiln.bundles.internal;

/** Creates instances of one generated view class; the implementation is generated too, so no reflection per row. */
public interface BundleFactory {
    Object create(RowShape shape, Object[] values);
}
