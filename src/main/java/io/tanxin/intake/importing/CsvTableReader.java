package io.tanxin.intake.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * CSV in UTF-8 (with or without BOM) or GB18030, the encoding Chinese government exports often
 * use. The encoding is decided by strict decoding, never by guessing from a sample: UTF-8 first
 * (GB18030 text is almost never valid UTF-8), then GB18030; bytes valid in neither are refused.
 * The strict decoding is also the text that is parsed, so the file is decoded once.
 */
public final class CsvTableReader implements TableReader {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<Cell> header;
    private final Charset charset;
    private long position;

    public CsvTableReader(byte[] bytes) {
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        refuseBinary(bytes, offset);
        String text = decode(bytes, offset, StandardCharsets.UTF_8);
        Charset decodedAs = StandardCharsets.UTF_8;
        if (text == null) {
            text = decode(bytes, offset, GB18030);
            decodedAs = GB18030;
        }
        if (text == null) {
            throw new ImportRejected("WRONG_ENCODING", "文件编码无法识别：请使用 UTF-8 或 GB18030 编码的 CSV",
                    "Unrecognised encoding: CSV files must be UTF-8 or GB18030");
        }
        if (text.indexOf('"') >= 0) {
            refuseUnclosedQuote(text);
        }
        this.charset = decodedAs;
        // rows of other lengths are the importer's business (missing cells, extra columns), not the parser's
        csv = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(false).ofCsvRecord(text);
        records = csv.iterator();
        List<Cell> first = next();
        if (first == null || first.isEmpty() || first.size() == 1 && first.get(0).blank()) {
            throw new ImportRejected("EMPTY_FILE", "文件为空或没有表头", "The file is empty or has no header row");
        }
        header = first;
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public List<Cell> header() {
        return header;
    }

    @Override
    public List<Cell> next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            position = record.getStartingLineNumber();
            return new Cells(record.getFields());
        } catch (CsvParseException e) {
            throw malformed(e);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** A record's fields seen as cells; CSV has no formulas, so a cell is only its text. */
    private static final class Cells extends AbstractList<Cell> {
        private final List<String> fields;

        Cells(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public Cell get(int index) {
            return new Cell(fields.get(index), false);
        }

        @Override
        public int size() {
            return fields.size();
        }
    }

    /**
     * An opening quote without its closing one swallows the rest of the file into one field, which
     * the parser takes silently; refused here. Only a quote at the start of a field opens one (a
     * quote inside an unquoted field is a literal character, as the parser reads it too).
     */
    private static void refuseUnclosedQuote(String text) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
                fieldStart = false;
            } else {
                quoted = c == '"' && fieldStart;
                fieldStart = c == ',' || c == '\n' || c == '\r';
            }
        }
        if (quoted) {
            throw malformed(new CsvParseException("a quoted field is not closed before the end of the file"));
        }
    }

    private static ImportRejected malformed(RuntimeException e) {
        return new ImportRejected("MALFORMED_CSV", "CSV 格式错误（引号未闭合或字段结构异常）：" + e.getMessage(),
                "Malformed CSV (unclosed quote or broken structure): " + e.getMessage());
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static void refuseBinary(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                // NUL never occurs in UTF-8 or GB18030 text: UTF-16, a spreadsheet saved as CSV by name, or binary
                throw new ImportRejected("WRONG_ENCODING", "文件含有二进制内容（可能是 UTF-16 或非 CSV 文件）：请另存为 UTF-8 或 GB18030 编码的 CSV",
                        "The file holds binary content (UTF-16 or not a CSV): save it as UTF-8 or GB18030 CSV");
            }
        }
    }

    /** The text, or null when the bytes are not valid in that charset. */
    private static String decode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
