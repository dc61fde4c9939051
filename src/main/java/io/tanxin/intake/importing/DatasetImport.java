package io.tanxin.intake.importing;

import java.util.List;
import java.util.Map;

import io.tanxin.intake.Dataset;

/** One dataset's template, rules and target table. */
public interface DatasetImport {

    Dataset dataset();

    List<Column> columns();

    String table();

    /** Columns of {@link #table()} after {@code submission_id}, in the order {@link #toRow} fills them. */
    List<String> tableColumns();

    /** Validates a row whose cells already parsed; returns the table values or throws {@link FieldError}. */
    Object[] toRow(Map<String, Object> values, RowContext context);

    /** Rows equal in these columns (parsed values; a missing value equals a missing one) are duplicates in one file. */
    List<String> duplicateKeyColumns();

    /** An example row for the downloadable template, in column order. */
    List<String> exampleRow();
}
