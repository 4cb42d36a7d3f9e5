package dev.kiln.bundles.internal.hibernate;

import dev.kiln.bundles.BundleSettings;
import dev.kiln.bundles.internal.BundleEngine;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Validates the views listed in {@link BundleSettings#VIEWS} when a SessionFactory starts: an {@link Integrator}
 * (found through the service loader) registers a {@link SessionFactoryObserver} whose {@code sessionFactoryCreated}
 * resolves each view against the finished metamodel; an error there fails the SessionFactory's construction.
 * Covered by {@code EntityViewTest}.
 */
public final class ViewValidation implements Integrator {
    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Object setting = sessionFactory.getProperties().get(BundleSettings.VIEWS);
        if (setting == null) {
            return;
        }
        List<Class<?>> views = classes(setting, sessionFactory.getServiceRegistry().requireService(ClassLoaderService.class));
        sessionFactory.addObserver(new SessionFactoryObserver() {
            private static final long serialVersionUID = 1L;

            @Override
            public void sessionFactoryCreated(SessionFactory factory) {
                BundleEngine engine = BundleEngine.of((SessionFactoryImplementor) factory);
                for (Class<?> view : views) {
                    engine.view(view);
                }
            }
        });
    }

    private static List<Class<?>> classes(Object setting, ClassLoaderService loader) {
        List<Class<?>> classes = new ArrayList<>();
        Collection<?> items = setting instanceof Collection<?> c ? c : List.of(setting.toString().split(","));
        for (Object item : items) {
            if (item instanceof Class<?> cls) {
                classes.add(cls);
            } else if (!item.toString().isBlank()) {
                String name = item.toString().trim();
                try {
                    classes.add(loader.classForName(name));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(BundleSettings.VIEWS + " names " + name + ", which cannot be loaded", e);
                }
            }
        }
        return classes;
    }
}
