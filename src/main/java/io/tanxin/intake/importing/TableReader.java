package io.tanxin.intake.importing;

import java.io.Closeable;
import java.util.List;

/**
 * Streams a table (CSV or the first sheet of an XLSX) row by row, so that a file of a million rows
 * never sits in memory as objects. {@link #next()} returns null at the end.
 */
public interface TableReader extends Closeable {

    List<Cell> header();

    /** The next row's cells, or null when the table ends. */
    List<Cell> next();

    /** 1-based line (CSV) or row number (XLSX) of the row last returned, for error messages. */
    long position();
}
