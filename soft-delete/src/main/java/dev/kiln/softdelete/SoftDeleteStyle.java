package dev.kiln.softdelete;

import java.util.Objects;
import java.util.Optional;

/**
 * How a table marks deleted rows, and therefore what {@link ReadDeleted} means for it and what
 * {@link SoftDelete#softDelete} and {@link SoftDelete#restore} write. Immutable.
 *
 * <table>
 *   <caption>Styles</caption>
 *   <tr><th>style</th><th>live row</th><th>soft delete writes</th></tr>
 *   <tr><td>{@link #nova()}</td><td>{@code deleted = 0}</td><td>{@code deleted = id, deleted_at = now}</td></tr>
 *   <tr><td>{@link #flag(String)}</td><td>{@code deleted = false}</td><td>{@code deleted = true} (and the timestamp, if any)</td></tr>
 *   <tr><td>{@link #timestamp(String)}</td><td>{@code deleted_at is null}</td><td>{@code deleted_at = now}</td></tr>
 * </table>
 *
 * <pre>{@code
 * SoftDeleteStyle nova = SoftDeleteStyle.nova();                          // columns deleted, deleted_at
 * SoftDeleteStyle legacy = SoftDeleteStyle.flag("is_removed").withTimestamp("removed_on");
 * SoftDeleteStyle audit = SoftDeleteStyle.timestamp("archived_at");
 * }</pre>
 *
 * The Nova style sets {@code deleted} to the row's id rather than 1, so a unique constraint over
 * {@code (address, deleted)} lets an address be used again once the row holding it is deleted.
 */
public final class SoftDeleteStyle {
    /** The three ways of marking a deleted row. */
    public enum Kind {
        /** Integer {@code deleted}: 0 when live, the row id when deleted; plus a deletion timestamp. */
        NOVA,
        /** Boolean {@code deleted}, optionally with a deletion timestamp. */
        FLAG,
        /** Only a deletion timestamp, null while live. */
        TIMESTAMP
    }

    private final Kind kind;
    private final String deletedColumn;
    private final String timestampColumn;

    private SoftDeleteStyle(Kind kind, String deletedColumn, String timestampColumn) {
        this.kind = kind;
        this.deletedColumn = deletedColumn;
        this.timestampColumn = timestampColumn;
    }

    /** Nova / oslo.db's SoftDeleteMixin: {@code deleted} (integer) and {@code deleted_at}. */
    public static SoftDeleteStyle nova() {
        return nova("deleted", "deleted_at");
    }

    /** The Nova style with other column names; {@code timestampColumn} may be null for none. */
    public static SoftDeleteStyle nova(String deletedColumn, String timestampColumn) {
        return new SoftDeleteStyle(Kind.NOVA, requireName(deletedColumn, "deletedColumn"), optionalName(timestampColumn));
    }

    /** A boolean column, true once deleted. */
    public static SoftDeleteStyle flag(String booleanColumn) {
        return new SoftDeleteStyle(Kind.FLAG, requireName(booleanColumn, "booleanColumn"), null);
    }

    /** A timestamp column, null while live. */
    public static SoftDeleteStyle timestamp(String timestampColumn) {
        return new SoftDeleteStyle(Kind.TIMESTAMP, null, requireName(timestampColumn, "timestampColumn"));
    }

    /** This style, also writing the deletion time into {@code column} (not meaningful for {@link Kind#TIMESTAMP}). */
    public SoftDeleteStyle withTimestamp(String column) {
        if (kind == Kind.TIMESTAMP) {
            throw new IllegalStateException("The timestamp style already has its timestamp column " + timestampColumn);
        }
        return new SoftDeleteStyle(kind, deletedColumn, requireName(column, "timestampColumn"));
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code deleted} column (integer or boolean); empty for {@link Kind#TIMESTAMP}. */
    public Optional<String> deletedColumn() {
        return Optional.ofNullable(deletedColumn);
    }

    /** The deletion timestamp column, if any. */
    public Optional<String> timestampColumn() {
        return Optional.ofNullable(timestampColumn);
    }

    /** What a live row satisfies. */
    public Condition live() {
        return switch (kind) {
            case NOVA -> Condition.column(deletedColumn).eq(0);
            case FLAG -> Condition.column(deletedColumn).eq(Boolean.FALSE);
            case TIMESTAMP -> Condition.column(timestampColumn).isNull();
        };
    }

    /** What a deleted row satisfies (the negation of {@link #live()} for non-null columns). */
    public Condition deleted() {
        return switch (kind) {
            case NOVA -> Condition.column(deletedColumn).ne(0);
            case FLAG -> Condition.column(deletedColumn).eq(Boolean.TRUE);
            case TIMESTAMP -> Condition.column(timestampColumn).isNotNull();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftDeleteStyle s && s.kind == kind && Objects.equals(s.deletedColumn, deletedColumn)
                && Objects.equals(s.timestampColumn, timestampColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, deletedColumn, timestampColumn);
    }

    @Override
    public String toString() {
        return kind + (deletedColumn == null ? "" : "(" + deletedColumn + ")")
                + (timestampColumn == null ? "" : "[" + timestampColumn + "]");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name;
    }

    private static String optionalName(String name) {
        return name == null || name.isBlank() ? null : name;
    }
}
