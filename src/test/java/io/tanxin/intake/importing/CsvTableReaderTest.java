package io.tanxin.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    static List<List<String>> rows(String csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvTableReader reader = new CsvTableReader(csv.getBytes(StandardCharsets.UTF_8))) {
            rows.add(reader.header().stream().map(Cell::text).toList());
            List<Cell> cells;
            while ((cells = reader.next()) != null) {
                rows.add(cells.stream().map(Cell::text).toList());
            }
        }
        return rows;
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws Exception {
        assertThat(rows("a,b\n\"1,5\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n"))
                .containsExactly(List.of("a", "b"), List.of("1,5", "say \"hi\""), List.of("two\nlines", "x"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws Exception {
        assertThat(rows("a,b\n12\",x\"y\n")).containsExactly(List.of("a", "b"), List.of("12\"", "x\"y"));
    }

    @Test
    void anUnclosedQuoteIsRefusedInsteadOfSwallowingTheRestOfTheFile() {
        for (String csv : List.of("a,b\n1,\"x\n2,3\n", "a,b\n1,\"abc", "a,b\n1,\"\"\"")) {
            assertThatThrownBy(() -> rows(csv)).isInstanceOfSatisfying(ImportRejected.class,
                    e -> assertThat(e.code()).isEqualTo("MALFORMED_CSV"));
        }
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> rows("a,b\n\"1\"x,2\n")).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.code()).isEqualTo("MALFORMED_CSV"));
    }

    @Test
    void blankLinesAreSkippedAndRowsMayBeShortOrLong() throws Exception {
        assertThat(rows("a,b,c\r\n\r\n1\r\n1,2,3,4\r\n"))
                .containsExactly(List.of("a", "b", "c"), List.of("1"), List.of("1", "2", "3", "4"));
    }

    @Test
    void aFileWithNothingButBlankLinesHasNoHeader() {
        assertThatThrownBy(() -> rows("\n\n")).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.code()).isEqualTo("EMPTY_FILE"));
    }
}
