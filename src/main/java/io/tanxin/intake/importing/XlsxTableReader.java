package io.tanxin.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The first sheet of an XLSX file, read as a stream of XML (POI's event API) rather than loaded as
 * a workbook, so that large sheets stay cheap. POI's zip-bomb guard (minimum inflate ratio, maximum
 * entry size) refuses archives that expand absurdly; formula cells are reported so they can be refused.
 */
public final class XlsxTableReader implements TableReader {

    static {
        // a sheet may legitimately compress ~100:1; a bomb compresses far more
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final List<Cell> header;
    private long position;

    public XlsxTableReader(byte[] bytes) {
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            XSSFReader reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRejected("EMPTY_FILE", "工作簿没有工作表", "The workbook has no sheet");
            }
            sheet = sheets.next();
            xml = XML.createXMLStreamReader(sheet);
            List<Cell> first = next();
            if (first == null) {
                throw new ImportRejected("EMPTY_FILE", "工作表为空或没有表头", "The sheet is empty or has no header row");
            }
            header = first;
        } catch (ImportRejected e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e);
        }
    }

    static ImportRejected unreadable(Exception e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.toLowerCase().contains("zip bomb")) {
            return new ImportRejected("ZIP_BOMB", "XLSX 文件解压后体积异常（疑似压缩炸弹），已拒收",
                    "The XLSX expands to an absurd size (a zip bomb) and was refused");
        }
        // the parser's own words are English and technical: the Chinese message says what to do, the English
        // one carries them (cut short) for whoever has to look into the file
        String detail = reason.length() <= 300 ? reason : reason.substring(0, 300) + "…";
        return new ImportRejected("UNREADABLE_XLSX", "无法读取 XLSX 文件：文件已损坏，或不是 Excel 2007 及以上版本的工作簿（.xlsx）；"
                + "请在 Excel 中另存为 .xlsx 或改用 CSV 后重新提交", "Cannot read the XLSX file: " + detail);
    }

    @Override
    public List<Cell> header() {
        return header;
    }

    @Override
    public List<Cell> next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String r = xml.getAttributeValue(null, "r");
                    position = r == null ? position + 1 : Long.parseLong(r);
                    List<Cell> row = readRow();
                    if (row.stream().anyMatch(c -> !c.blank() || c.formula())) {
                        return row;
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(e instanceof RuntimeException re ? re : new IllegalStateException(e));
        }
    }

    private List<Cell> readRow() throws XMLStreamException {
        List<Cell> cells = new ArrayList<>();
        int expected = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamReader.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? expected : new CellReference(ref).getCol();
                while (cells.size() < column) {
                    cells.add(Cell.EMPTY);
                }
                cells.add(readCell(xml.getAttributeValue(null, "t")));
                expected = cells.size();
            }
        }
        return cells;
    }

    private Cell readCell(String type) throws XMLStreamException {
        boolean formula = false;
        StringBuilder value = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "f" -> formula = true;
                    case "v", "t" -> value.append(xml.getElementText());
                    default -> { }
                }
            }
        }
        String text = value.toString();
        if ("s".equals(type) && !text.isEmpty()) {
            text = strings.getItemAt(Integer.parseInt(text)).getString();
        } else if ("b".equals(type)) {
            text = "1".equals(text) ? "TRUE" : "FALSE";
        } else if ((type == null || "n".equals(type)) && text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        return new Cell(text, formula);
    }

    @Override
    public long position() {
        return position;
    }

    /** Excel stores dates as day serials; a month or date column may hold one. */
    static java.time.LocalDate excelDate(double serial) {
        return DateUtil.getLocalDateTime(serial).toLocalDate();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        sheet.close();
        pkg.revert();
    }
}
