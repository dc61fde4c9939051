package io.tanxin.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the files intake tests send: good ones and hostile ones. */
final class IntakeFiles {

    static final String FEATURED = "91140300MA0TX20251";
    static final String HEADER = "统一社会信用代码,月份,数据类型,品种代码,数量,单位,实测参数\r\n";

    private IntakeFiles() {
    }

    static byte[] csv(String body, Charset charset) {
        return (HEADER + body).getBytes(charset);
    }

    /** rows × [uscc, month, kind, code, quantity, unit]; a String starting with "=" becomes a formula. */
    static byte[] xlsx(Object[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("数据");
            String[] header = HEADER.trim().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof String s && s.startsWith("=")) {
                        row.createCell(c).setCellFormula(s.substring(1));
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A real workbook whose sheet XML is replaced by tens of MB of whitespace that compresses ~1000:1. */
    static byte[] zipBomb() throws IOException {
        byte[] good = xlsx(new Object[][] {{FEATURED, "2025-01", "FUEL", "BITUMINOUS", 1, "t"}});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(good));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes();
                    zip.write(head);
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        zip.write(spaces);
                    }
                    zip.write("</sheetData></worksheet>".getBytes());
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
