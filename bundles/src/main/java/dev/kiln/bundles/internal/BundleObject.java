package dev.kiln.bundles.internal;

/**
 * Implemented by every generated view class, so Kiln can reach a bundle's state. The {@code $kiln$} prefix keeps the
 * names clear of entity methods. Not for application use.
 */
public interface BundleObject {
    RowShape $kiln$shape();

    Object[] $kiln$values();
}
