package dev.kiln.softdelete.internal.hibernate;

import dev.kiln.softdelete.internal.SoftDeleteRuntime;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.mapping.FetchProfile;
import org.hibernate.mapping.MetadataSource;
import org.hibernate.query.sqm.sql.SqmToSqlAstConverter;
import org.hibernate.sql.ast.spi.SqlAstCreationState;

import java.util.HashSet;

/**
 * Adapter over the Hibernate internals that carry a session's criteria <em>shape</em> into Hibernate's query plan
 * cache. This is the one place that relies on them; {@code ShapeChannelTest} pins the behaviour.
 *
 * <p>Why fetch profiles: Hibernate caches translated HQL/criteria plans per
 * {@code SqmInterpretationsKey} = (query, result type, lock options, <b>enabled fetch profile names</b>). Nothing else
 * session-specific enters the key, and an enabled {@code @Filter} disables the cache altogether
 * ({@code SqmInterpretationsKey.isCacheable}). So Kiln registers one empty fetch profile per shape
 * ({@code kiln.criteria.shape.<n>}, no fetches: it changes no fetch plan) and keeps exactly one of them enabled on a
 * session with a context. Translations then see the shape through {@link LoadQueryInfluencers}, and each shape gets
 * its own cached plan, while context <em>values</em> stay JDBC parameters bound per execution.
 *
 * <p>Only SQM translations (HQL, criteria, mutation queries) are keyed this way. Entity and collection loaders are
 * cached per persister regardless of fetch profiles, so they always get the uniform shape ({@link #shapeAt} returns
 * -1 for them).
 */
public final class ShapeChannel {
    static final String PREFIX = "kiln.criteria.shape.";

    private ShapeChannel() {
    }

    /** The fetch profile name of shape {@code code}. */
    public static String profileName(int code) {
        return PREFIX + code;
    }

    /** Registers one empty fetch profile per shape, while the mapping is being built. */
    public static void registerProfiles(InFlightMetadataCollector collector, int shapeCount) {
        for (int code = 0; code < shapeCount; code++) {
            collector.addFetchProfile(new FetchProfile(profileName(code), MetadataSource.OTHER));
        }
    }

    /** True if every shape's profile is in the metadata (i.e. Kiln's mapping contributor ran). */
    public static boolean profilesRegistered(Metadata metadata, int shapeCount) {
        for (int code = 0; code < shapeCount; code++) {
            if (metadata.getFetchProfile(profileName(code)) == null) {
                return false;
            }
        }
        return true;
    }

    /** Disables the session's previous shape profile and enables the new one. */
    public static void switchProfile(SharedSessionContractImplementor session, String previous, String next) {
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        if (previous != null && !previous.equals(next)) {
            influencers.disableFetchProfile(previous);
        }
        if (next == null) {
            return;
        }
        if (!influencers.hasEnabledFetchProfiles()) {
            // The usual case, a new session: a set sized for one name instead of enableFetchProfile's default
            // 16-bucket set (done per session); the name is one of the profiles registered at boot.
            HashSet<String> names = new HashSet<>(2);
            names.add(next);
            influencers.setEnabledFetchProfileNames(names);
        } else {
            influencers.enableFetchProfile(next);
        }
    }

    /**
     * The shape an SQL AST is being built for: the code of the Kiln profile enabled on the translating session if this
     * is an SQM translation (whose plan is cached under that profile), else -1 (uniform shape).
     */
    public static int shapeAt(SqlAstCreationState creationState, SoftDeleteRuntime runtime) {
        if (!(creationState instanceof SqmToSqlAstConverter)) {
            return -1;
        }
        LoadQueryInfluencers influencers = creationState.getLoadQueryInfluencers();
        if (influencers == null || !influencers.hasEnabledFetchProfiles()) {
            return -1;
        }
        for (String name : influencers.getEnabledFetchProfileNames()) {
            if (name.startsWith(PREFIX)) {
                int code = runtime.shapeOfProfile(name);
                if (code >= 0) {
                    return code;
                }
            }
        }
        return -1;
    }
}
