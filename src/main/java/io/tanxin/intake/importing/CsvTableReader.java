package io.tanxin.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV in UTF-8 (with or without BOM) or GB18030, the encoding Chinese government exports often
 * use. The encoding is decided by strict decoding, never by guessing from a sample: UTF-8 first
 * (GB18030 text is almost never valid UTF-8), then GB18030; bytes valid in neither are refused.
 */
public final class CsvTableReader implements TableReader {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<Cell> header;
    private final Charset charset;
    private long position;

    public CsvTableReader(byte[] bytes) {
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        this.charset = detect(bytes, offset);
        try {
            Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset);
            parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records = parser.iterator();
        try {
            header = records.hasNext() ? cells(records.next()) : List.of();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
        if (header.isEmpty()) {
            throw new ImportRejected("EMPTY_FILE", "文件为空或没有表头", "The file is empty or has no header row");
        }
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
            CSVRecord record = records.next();
            position = record.getRecordNumber();
            return cells(record);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static List<Cell> cells(CSVRecord record) {
        List<Cell> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(new Cell(value, false));
        }
        return cells;
    }

    private static ImportRejected malformed(RuntimeException e) {
        return new ImportRejected("MALFORMED_CSV", "CSV 格式错误（引号未闭合或字段结构异常）：" + e.getMessage(),
                "Malformed CSV (unclosed quote or broken structure): " + e.getMessage());
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    static Charset detect(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                // NUL never occurs in UTF-8 or GB18030 text: UTF-16, a spreadsheet saved as CSV by name, or binary
                throw new ImportRejected("WRONG_ENCODING", "文件含有二进制内容（可能是 UTF-16 或非 CSV 文件）：请另存为 UTF-8 或 GB18030 编码的 CSV",
                        "The file holds binary content (UTF-16 or not a CSV): save it as UTF-8 or GB18030 CSV");
            }
        }
        if (decodes(bytes, offset, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(bytes, offset, GB18030)) {
            return GB18030;
        }
        throw new ImportRejected("WRONG_ENCODING", "文件编码无法识别：请使用 UTF-8 或 GB18030 编码的 CSV",
                "Unrecognised encoding: CSV files must be UTF-8 or GB18030");
    }

    private static boolean decodes(byte[] bytes, int offset, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
