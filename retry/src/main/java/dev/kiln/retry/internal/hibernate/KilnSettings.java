package dev.kiln.retry.internal.hibernate;

import dev.kiln.retry.RetrySettings;

import java.util.Locale;
import java.util.Map;

/** Reads the {@code kiln.retry.*} settings from Hibernate's configuration values. */
final class KilnSettings {
    private KilnSettings() {
    }

    static boolean rewriting(Map<String, ?> settings) {
        return flag(settings, RetrySettings.EXCEPTION_REWRITING, true);
    }

    static boolean constraintsFromDatabase(Map<String, ?> settings) {
        return flag(settings, RetrySettings.CONSTRAINTS_FROM_DATABASE, false);
    }

    /**
     * A boolean setting given as a Boolean or a String; anything else is a configuration error named in the message.
     */
    static boolean flag(Map<String, ?> settings, String name, boolean defaultValue) {
        Object v = settings == null ? null : settings.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("Setting " + name + " must be true or false, not '" + v + "'");
    }
}
