package io.tanxin.intake.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.DatasetImports;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Downloadable templates with Chinese headers; the XLSX adds a sheet explaining each column. */
@RestController
@Tag(name = "intake", description = "数据采集 / data intake")
class TemplateController {

    @GetMapping("/api/v1/intake/templates/{dataset}.csv")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "下载 CSV 模板（UTF-8 带 BOM，Excel 可直接打开）/ CSV template, UTF-8 with BOM (any signed-in role)")
    ResponseEntity<byte[]> csv(@PathVariable String dataset) {
        DatasetImport d = DatasetImports.of(io.tanxin.shared.EnumParameter.parse(Dataset.class, dataset, "UNKNOWN_DATASET", "数据集"));
        String header = String.join(",", d.columns().stream().map(Column::headerZh).map(TemplateController::quote).toList());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, 3);
        System.arraycopy(body, 0, out, 3, body.length);
        return file(out, d.dataset().name().toLowerCase() + "-template.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/api/v1/intake/templates/{dataset}.xlsx")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "下载 XLSX 模板（含填写说明与示例）/ XLSX template with a sheet of instructions (any signed-in role)")
    ResponseEntity<byte[]> xlsx(@PathVariable String dataset) throws IOException {
        DatasetImport d = DatasetImports.of(io.tanxin.shared.EnumParameter.parse(Dataset.class, dataset, "UNKNOWN_DATASET", "数据集"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = wb.createSheet("数据");
            Row header = data.createRow(0);
            List<Column> columns = d.columns();
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).headerZh());
                header.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, 24 * 256);
            }
            Sheet help = wb.createSheet("说明 Instructions");
            Row h = help.createRow(0);
            String[] titles = {"列 Column", "英文键 Key", "必填 Required", "类型 Type", "示例 Example"};
            for (int i = 0; i < titles.length; i++) {
                h.createCell(i).setCellValue(titles[i]);
                h.getCell(i).setCellStyle(bold);
                help.setColumnWidth(i, 28 * 256);
            }
            for (int i = 0; i < columns.size(); i++) {
                Row r = help.createRow(i + 1);
                Column c = columns.get(i);
                r.createCell(0).setCellValue(c.headerZh() + " / " + c.headerEn());
                r.createCell(1).setCellValue(c.key());
                r.createCell(2).setCellValue(c.required() ? "是 yes" : "否 no");
                r.createCell(3).setCellValue(c.type().name());
                r.createCell(4).setCellValue(d.exampleRow().get(i));
            }
            wb.write(out);
            return file(out.toByteArray(), d.dataset().name().toLowerCase() + "-template.xlsx", IntakeController.XLSX);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name)
                .contentType(MediaType.parseMediaType(type)).body(body);
    }
}
