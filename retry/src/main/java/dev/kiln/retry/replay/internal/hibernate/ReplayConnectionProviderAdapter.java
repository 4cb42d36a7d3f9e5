package dev.kiln.retry.replay.internal.hibernate;

import dev.kiln.retry.replay.ReplayConfig;
import dev.kiln.retry.replay.ReplaySettings;
import dev.kiln.retry.replay.ReplayingConnectionProvider;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kiln.replay.enabled=true}: builds the {@link ConnectionProvider} Hibernate would have built (through its
 * standard initiator, {@code ConnectionProviderInitiator}, a Hibernate internal used here and only here) and wraps it
 * in a {@link ReplayingConnectionProvider}. Registered as a {@link ServiceContributor}; with the setting off (the
 * default) Hibernate's provider is returned untouched.
 */
public final class ReplayConnectionProviderAdapter {
    private ReplayConnectionProviderAdapter() {
    }

    /** Registered through {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}. */
    public static final class Contributor implements ServiceContributor {
        @Override
        public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
            serviceRegistryBuilder.addInitiator(new Initiator());
        }
    }

    static final class Initiator implements StandardServiceInitiator<ConnectionProvider> {
        @Override
        public ConnectionProvider initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
            ConnectionProvider standard = ConnectionProviderInitiator.INSTANCE.initiateService(settings, registry);
            if (standard == null || standard instanceof ReplayingConnectionProvider || !enabled(settings)) {
                return standard;
            }
            return new ReplayingConnectionProvider(standard, config(settings));
        }

        @Override
        public Class<ConnectionProvider> getServiceInitiated() {
            return ConnectionProvider.class;
        }
    }

    static boolean enabled(Map<String, ?> settings) {
        return flag(settings, ReplaySettings.ENABLED, false);
    }

    /** The {@link ReplayConfig} the settings describe; unknown or malformed values fail naming the setting. */
    static ReplayConfig config(Map<String, ?> settings) {
        Object given = settings.get(ReplaySettings.CONFIG);
        if (given instanceof ReplayConfig c) {
            return c;
        }
        if (given != null) {
            throw new IllegalArgumentException("Setting " + ReplaySettings.CONFIG + " must be a ReplayConfig, not "
                    + given.getClass().getName());
        }
        ReplayConfig.Builder b = ReplayConfig.builder().commitGuard(flag(settings, ReplaySettings.COMMIT_GUARD, false));
        Long n = number(settings, ReplaySettings.MAX_STATEMENTS);
        if (n != null) {
            b.maxStatements(Math.toIntExact(n));
        }
        if ((n = number(settings, ReplaySettings.MAX_BYTES)) != null) {
            b.maxBytes(n);
        }
        if ((n = number(settings, ReplaySettings.MAX_ATTEMPTS)) != null) {
            b.maxAttempts(Math.toIntExact(n));
        }
        if ((n = number(settings, ReplaySettings.TIME_LIMIT_MS)) != null) {
            b.timeLimit(Duration.ofMillis(n));
        }
        Object pattern = settings.get(ReplaySettings.NEVER_REPLAY);
        if (pattern != null) {
            b.neverReplay(pattern instanceof Pattern p ? p : Pattern.compile(pattern.toString()));
        }
        return b.build();
    }

    private static boolean flag(Map<String, ?> settings, String name, boolean defaultValue) {
        Object v = settings.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true");
        }
        throw new IllegalArgumentException("Setting " + name + " must be true or false, not '" + v + "'");
    }

    private static Long number(Map<String, ?> settings, String name) {
        Object v = settings.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number num) {
            return num.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + name + " must be a whole number, not '" + v + "'", e);
        }
    }
}
