package dev.kiln.bundles.internal;

import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;

/**
 * A validated {@code @EntityView}: the HQL select list and joins reading exactly its columns, and the generated
 * factory building a view from a row.
 *
 * @param viewType   the interface or record
 * @param selectFrom {@code select ... from Entity e left join ...}
 * @param converters per selection, the attribute converter or null
 * @param factory    builds a view from one row's values (the array is the view's own)
 */
public record ViewModel(Class<?> viewType, String selectFrom, BasicValueConverter<?, ?>[] converters, ViewFactory factory) {
    /** Builds a view from a row's values. Generated per view type. */
    public interface ViewFactory {
        Object create(Object[] values);
    }
}
