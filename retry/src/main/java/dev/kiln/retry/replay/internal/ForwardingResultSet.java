package dev.kiln.retry.replay.internal;

import java.sql.*;
import java.util.Calendar;
import java.util.Map;


/**
 * A {@link ResultSet} that forwards every call to the current driver result set.
 * The methods below only forward to {@code rs}; they were written out mechanically from the {@code java.sql}
 * interface (no reflection, no per-call proxy), so the replaying subclass overrides only what it must watch.
 */
abstract class ForwardingResultSet implements ResultSet {
    protected ResultSet rs;

    @Override
    public boolean wasNull() throws SQLException {
        return rs.wasNull();
    }

    @Override
    public String getString(int p0) throws SQLException {
        return rs.getString(p0);
    }

    @Override
    public boolean getBoolean(int p0) throws SQLException {
        return rs.getBoolean(p0);
    }

    @Override
    public byte getByte(int p0) throws SQLException {
        return rs.getByte(p0);
    }

    @Override
    public short getShort(int p0) throws SQLException {
        return rs.getShort(p0);
    }

    @Override
    public int getInt(int p0) throws SQLException {
        return rs.getInt(p0);
    }

    @Override
    public long getLong(int p0) throws SQLException {
        return rs.getLong(p0);
    }

    @Override
    public float getFloat(int p0) throws SQLException {
        return rs.getFloat(p0);
    }

    @Override
    public double getDouble(int p0) throws SQLException {
        return rs.getDouble(p0);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws SQLException {
        return rs.getBigDecimal(p0, p1);
    }

    @Override
    public byte[] getBytes(int p0) throws SQLException {
        return rs.getBytes(p0);
    }

    @Override
    public Date getDate(int p0) throws SQLException {
        return rs.getDate(p0);
    }

    @Override
    public Time getTime(int p0) throws SQLException {
        return rs.getTime(p0);
    }

    @Override
    public Timestamp getTimestamp(int p0) throws SQLException {
        return rs.getTimestamp(p0);
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws SQLException {
        return rs.getAsciiStream(p0);
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws SQLException {
        return rs.getUnicodeStream(p0);
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws SQLException {
        return rs.getBinaryStream(p0);
    }

    @Override
    public String getString(String p0) throws SQLException {
        return rs.getString(p0);
    }

    @Override
    public boolean getBoolean(String p0) throws SQLException {
        return rs.getBoolean(p0);
    }

    @Override
    public byte getByte(String p0) throws SQLException {
        return rs.getByte(p0);
    }

    @Override
    public short getShort(String p0) throws SQLException {
        return rs.getShort(p0);
    }

    @Override
    public int getInt(String p0) throws SQLException {
        return rs.getInt(p0);
    }

    @Override
    public long getLong(String p0) throws SQLException {
        return rs.getLong(p0);
    }

    @Override
    public float getFloat(String p0) throws SQLException {
        return rs.getFloat(p0);
    }

    @Override
    public double getDouble(String p0) throws SQLException {
        return rs.getDouble(p0);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String p0, int p1) throws SQLException {
        return rs.getBigDecimal(p0, p1);
    }

    @Override
    public byte[] getBytes(String p0) throws SQLException {
        return rs.getBytes(p0);
    }

    @Override
    public Date getDate(String p0) throws SQLException {
        return rs.getDate(p0);
    }

    @Override
    public Time getTime(String p0) throws SQLException {
        return rs.getTime(p0);
    }

    @Override
    public Timestamp getTimestamp(String p0) throws SQLException {
        return rs.getTimestamp(p0);
    }

    @Override
    public java.io.InputStream getAsciiStream(String p0) throws SQLException {
        return rs.getAsciiStream(p0);
    }

    @Override
    public java.io.InputStream getUnicodeStream(String p0) throws SQLException {
        return rs.getUnicodeStream(p0);
    }

    @Override
    public java.io.InputStream getBinaryStream(String p0) throws SQLException {
        return rs.getBinaryStream(p0);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return rs.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        rs.clearWarnings();
    }

    @Override
    public String getCursorName() throws SQLException {
        return rs.getCursorName();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return rs.getMetaData();
    }

    @Override
    public Object getObject(int p0) throws SQLException {
        return rs.getObject(p0);
    }

    @Override
    public Object getObject(String p0) throws SQLException {
        return rs.getObject(p0);
    }

    @Override
    public int findColumn(String p0) throws SQLException {
        return rs.findColumn(p0);
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws SQLException {
        return rs.getCharacterStream(p0);
    }

    @Override
    public java.io.Reader getCharacterStream(String p0) throws SQLException {
        return rs.getCharacterStream(p0);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws SQLException {
        return rs.getBigDecimal(p0);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String p0) throws SQLException {
        return rs.getBigDecimal(p0);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return rs.isBeforeFirst();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return rs.isAfterLast();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return rs.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return rs.isLast();
    }

    @Override
    public int getRow() throws SQLException {
        return rs.getRow();
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        rs.setFetchDirection(p0);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return rs.getFetchDirection();
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        rs.setFetchSize(p0);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return rs.getFetchSize();
    }

    @Override
    public int getType() throws SQLException {
        return rs.getType();
    }

    @Override
    public int getConcurrency() throws SQLException {
        return rs.getConcurrency();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return rs.rowUpdated();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return rs.rowInserted();
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return rs.rowDeleted();
    }

    @Override
    public void updateNull(int p0) throws SQLException {
        rs.updateNull(p0);
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException {
        rs.updateBoolean(p0, p1);
    }

    @Override
    public void updateByte(int p0, byte p1) throws SQLException {
        rs.updateByte(p0, p1);
    }

    @Override
    public void updateShort(int p0, short p1) throws SQLException {
        rs.updateShort(p0, p1);
    }

    @Override
    public void updateInt(int p0, int p1) throws SQLException {
        rs.updateInt(p0, p1);
    }

    @Override
    public void updateLong(int p0, long p1) throws SQLException {
        rs.updateLong(p0, p1);
    }

    @Override
    public void updateFloat(int p0, float p1) throws SQLException {
        rs.updateFloat(p0, p1);
    }

    @Override
    public void updateDouble(int p0, double p1) throws SQLException {
        rs.updateDouble(p0, p1);
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        rs.updateBigDecimal(p0, p1);
    }

    @Override
    public void updateString(int p0, String p1) throws SQLException {
        rs.updateString(p0, p1);
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException {
        rs.updateBytes(p0, p1);
    }

    @Override
    public void updateDate(int p0, Date p1) throws SQLException {
        rs.updateDate(p0, p1);
    }

    @Override
    public void updateTime(int p0, Time p1) throws SQLException {
        rs.updateTime(p0, p1);
    }

    @Override
    public void updateTimestamp(int p0, Timestamp p1) throws SQLException {
        rs.updateTimestamp(p0, p1);
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        rs.updateAsciiStream(p0, p1, p2);
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        rs.updateBinaryStream(p0, p1, p2);
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        rs.updateCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateObject(int p0, Object p1, int p2) throws SQLException {
        rs.updateObject(p0, p1, p2);
    }

    @Override
    public void updateObject(int p0, Object p1) throws SQLException {
        rs.updateObject(p0, p1);
    }

    @Override
    public void updateNull(String p0) throws SQLException {
        rs.updateNull(p0);
    }

    @Override
    public void updateBoolean(String p0, boolean p1) throws SQLException {
        rs.updateBoolean(p0, p1);
    }

    @Override
    public void updateByte(String p0, byte p1) throws SQLException {
        rs.updateByte(p0, p1);
    }

    @Override
    public void updateShort(String p0, short p1) throws SQLException {
        rs.updateShort(p0, p1);
    }

    @Override
    public void updateInt(String p0, int p1) throws SQLException {
        rs.updateInt(p0, p1);
    }

    @Override
    public void updateLong(String p0, long p1) throws SQLException {
        rs.updateLong(p0, p1);
    }

    @Override
    public void updateFloat(String p0, float p1) throws SQLException {
        rs.updateFloat(p0, p1);
    }

    @Override
    public void updateDouble(String p0, double p1) throws SQLException {
        rs.updateDouble(p0, p1);
    }

    @Override
    public void updateBigDecimal(String p0, java.math.BigDecimal p1) throws SQLException {
        rs.updateBigDecimal(p0, p1);
    }

    @Override
    public void updateString(String p0, String p1) throws SQLException {
        rs.updateString(p0, p1);
    }

    @Override
    public void updateBytes(String p0, byte[] p1) throws SQLException {
        rs.updateBytes(p0, p1);
    }

    @Override
    public void updateDate(String p0, Date p1) throws SQLException {
        rs.updateDate(p0, p1);
    }

    @Override
    public void updateTime(String p0, Time p1) throws SQLException {
        rs.updateTime(p0, p1);
    }

    @Override
    public void updateTimestamp(String p0, Timestamp p1) throws SQLException {
        rs.updateTimestamp(p0, p1);
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
        rs.updateAsciiStream(p0, p1, p2);
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
        rs.updateBinaryStream(p0, p1, p2);
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, int p2) throws SQLException {
        rs.updateCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateObject(String p0, Object p1, int p2) throws SQLException {
        rs.updateObject(p0, p1, p2);
    }

    @Override
    public void updateObject(String p0, Object p1) throws SQLException {
        rs.updateObject(p0, p1);
    }

    @Override
    public void refreshRow() throws SQLException {
        rs.refreshRow();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        rs.cancelRowUpdates();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        rs.moveToInsertRow();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        rs.moveToCurrentRow();
    }

    @Override
    public Object getObject(int p0, Map<String, Class<?>> p1) throws SQLException {
        return rs.getObject(p0, p1);
    }

    @Override
    public Ref getRef(int p0) throws SQLException {
        return rs.getRef(p0);
    }

    @Override
    public Blob getBlob(int p0) throws SQLException {
        return rs.getBlob(p0);
    }

    @Override
    public Clob getClob(int p0) throws SQLException {
        return rs.getClob(p0);
    }

    @Override
    public Array getArray(int p0) throws SQLException {
        return rs.getArray(p0);
    }

    @Override
    public Object getObject(String p0, Map<String, Class<?>> p1) throws SQLException {
        return rs.getObject(p0, p1);
    }

    @Override
    public Ref getRef(String p0) throws SQLException {
        return rs.getRef(p0);
    }

    @Override
    public Blob getBlob(String p0) throws SQLException {
        return rs.getBlob(p0);
    }

    @Override
    public Clob getClob(String p0) throws SQLException {
        return rs.getClob(p0);
    }

    @Override
    public Array getArray(String p0) throws SQLException {
        return rs.getArray(p0);
    }

    @Override
    public Date getDate(int p0, Calendar p1) throws SQLException {
        return rs.getDate(p0, p1);
    }

    @Override
    public Date getDate(String p0, Calendar p1) throws SQLException {
        return rs.getDate(p0, p1);
    }

    @Override
    public Time getTime(int p0, Calendar p1) throws SQLException {
        return rs.getTime(p0, p1);
    }

    @Override
    public Time getTime(String p0, Calendar p1) throws SQLException {
        return rs.getTime(p0, p1);
    }

    @Override
    public Timestamp getTimestamp(int p0, Calendar p1) throws SQLException {
        return rs.getTimestamp(p0, p1);
    }

    @Override
    public Timestamp getTimestamp(String p0, Calendar p1) throws SQLException {
        return rs.getTimestamp(p0, p1);
    }

    @Override
    public java.net.URL getURL(int p0) throws SQLException {
        return rs.getURL(p0);
    }

    @Override
    public java.net.URL getURL(String p0) throws SQLException {
        return rs.getURL(p0);
    }

    @Override
    public void updateRef(int p0, Ref p1) throws SQLException {
        rs.updateRef(p0, p1);
    }

    @Override
    public void updateRef(String p0, Ref p1) throws SQLException {
        rs.updateRef(p0, p1);
    }

    @Override
    public void updateBlob(int p0, Blob p1) throws SQLException {
        rs.updateBlob(p0, p1);
    }

    @Override
    public void updateBlob(String p0, Blob p1) throws SQLException {
        rs.updateBlob(p0, p1);
    }

    @Override
    public void updateClob(int p0, Clob p1) throws SQLException {
        rs.updateClob(p0, p1);
    }

    @Override
    public void updateClob(String p0, Clob p1) throws SQLException {
        rs.updateClob(p0, p1);
    }

    @Override
    public void updateArray(int p0, Array p1) throws SQLException {
        rs.updateArray(p0, p1);
    }

    @Override
    public void updateArray(String p0, Array p1) throws SQLException {
        rs.updateArray(p0, p1);
    }

    @Override
    public RowId getRowId(int p0) throws SQLException {
        return rs.getRowId(p0);
    }

    @Override
    public RowId getRowId(String p0) throws SQLException {
        return rs.getRowId(p0);
    }

    @Override
    public void updateRowId(int p0, RowId p1) throws SQLException {
        rs.updateRowId(p0, p1);
    }

    @Override
    public void updateRowId(String p0, RowId p1) throws SQLException {
        rs.updateRowId(p0, p1);
    }

    @Override
    public int getHoldability() throws SQLException {
        return rs.getHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return rs.isClosed();
    }

    @Override
    public void updateNString(int p0, String p1) throws SQLException {
        rs.updateNString(p0, p1);
    }

    @Override
    public void updateNString(String p0, String p1) throws SQLException {
        rs.updateNString(p0, p1);
    }

    @Override
    public void updateNClob(int p0, NClob p1) throws SQLException {
        rs.updateNClob(p0, p1);
    }

    @Override
    public void updateNClob(String p0, NClob p1) throws SQLException {
        rs.updateNClob(p0, p1);
    }

    @Override
    public NClob getNClob(int p0) throws SQLException {
        return rs.getNClob(p0);
    }

    @Override
    public NClob getNClob(String p0) throws SQLException {
        return rs.getNClob(p0);
    }

    @Override
    public SQLXML getSQLXML(int p0) throws SQLException {
        return rs.getSQLXML(p0);
    }

    @Override
    public SQLXML getSQLXML(String p0) throws SQLException {
        return rs.getSQLXML(p0);
    }

    @Override
    public void updateSQLXML(int p0, SQLXML p1) throws SQLException {
        rs.updateSQLXML(p0, p1);
    }

    @Override
    public void updateSQLXML(String p0, SQLXML p1) throws SQLException {
        rs.updateSQLXML(p0, p1);
    }

    @Override
    public String getNString(int p0) throws SQLException {
        return rs.getNString(p0);
    }

    @Override
    public String getNString(String p0) throws SQLException {
        return rs.getNString(p0);
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException {
        return rs.getNCharacterStream(p0);
    }

    @Override
    public java.io.Reader getNCharacterStream(String p0) throws SQLException {
        return rs.getNCharacterStream(p0);
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateNCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateNCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateAsciiStream(p0, p1, p2);
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateBinaryStream(p0, p1, p2);
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateAsciiStream(p0, p1, p2);
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateBinaryStream(p0, p1, p2);
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateCharacterStream(p0, p1, p2);
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateBlob(p0, p1, p2);
    }

    @Override
    public void updateBlob(String p0, java.io.InputStream p1, long p2) throws SQLException {
        rs.updateBlob(p0, p1, p2);
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateClob(p0, p1, p2);
    }

    @Override
    public void updateClob(String p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateClob(p0, p1, p2);
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateNClob(p0, p1, p2);
    }

    @Override
    public void updateNClob(String p0, java.io.Reader p1, long p2) throws SQLException {
        rs.updateNClob(p0, p1, p2);
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        rs.updateNCharacterStream(p0, p1);
    }

    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1) throws SQLException {
        rs.updateNCharacterStream(p0, p1);
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        rs.updateAsciiStream(p0, p1);
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        rs.updateBinaryStream(p0, p1);
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        rs.updateCharacterStream(p0, p1);
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1) throws SQLException {
        rs.updateAsciiStream(p0, p1);
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1) throws SQLException {
        rs.updateBinaryStream(p0, p1);
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1) throws SQLException {
        rs.updateCharacterStream(p0, p1);
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws SQLException {
        rs.updateBlob(p0, p1);
    }

    @Override
    public void updateBlob(String p0, java.io.InputStream p1) throws SQLException {
        rs.updateBlob(p0, p1);
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws SQLException {
        rs.updateClob(p0, p1);
    }

    @Override
    public void updateClob(String p0, java.io.Reader p1) throws SQLException {
        rs.updateClob(p0, p1);
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws SQLException {
        rs.updateNClob(p0, p1);
    }

    @Override
    public void updateNClob(String p0, java.io.Reader p1) throws SQLException {
        rs.updateNClob(p0, p1);
    }

    @Override
    public <T> T getObject(int p0, Class<T> p1) throws SQLException {
        return rs.getObject(p0, p1);
    }

    @Override
    public <T> T getObject(String p0, Class<T> p1) throws SQLException {
        return rs.getObject(p0, p1);
    }

    @Override
    public void updateObject(int p0, Object p1, SQLType p2, int p3) throws SQLException {
        rs.updateObject(p0, p1, p2, p3);
    }

    @Override
    public void updateObject(String p0, Object p1, SQLType p2, int p3) throws SQLException {
        rs.updateObject(p0, p1, p2, p3);
    }

    @Override
    public void updateObject(int p0, Object p1, SQLType p2) throws SQLException {
        rs.updateObject(p0, p1, p2);
    }

    @Override
    public void updateObject(String p0, Object p1, SQLType p2) throws SQLException {
        rs.updateObject(p0, p1, p2);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : rs.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || rs.isWrapperFor(iface);
    }
}
