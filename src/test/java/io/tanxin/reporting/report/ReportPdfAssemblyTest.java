package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The sections' pages go in before the tail, from a saved document, with one outline in page order. */
class ReportPdfAssemblyTest {

    @Test
    void theSectionsGoBeforeTheTailAndTheOutlineFollowsThePages() throws IOException {
        byte[] sections = save(document("s1", "s2", "s3"));
        byte[] assembled;
        try (PDDocument outer = document("cover-a", "cover-b", "tail-a", "tail-b");
                PDDocument parts = Loader.loadPDF(sections)) {
            ReportPdfAssembly.insertSections(outer, 2, parts);
            assembled = save(outer);
        }
        try (PDDocument doc = Loader.loadPDF(assembled)) {
            assertThat(texts(doc)).containsExactly("cover-a", "cover-b", "s1", "s2", "s3", "tail-a", "tail-b");
            assertThat(outline(doc)).containsExactly("cover-a@0", "cover-b@1", "s1@2", "s2@3", "s3@4", "tail-a@5",
                    "tail-b@6");
        }
    }

    @Test
    void theSectionsTakenOutOfAWholePdfGoIntoAnotherReadsPdf() throws IOException {
        byte[] whole = save(document("cover-1", "s1", "s2", "tail-1"));
        byte[] sections = ReportPdfAssembly.pages(whole, 1, 3);
        try (PDDocument kept = Loader.loadPDF(sections)) {
            assertThat(texts(kept)).containsExactly("s1", "s2");
            assertThat(outline(kept)).containsExactly("s1@0", "s2@1");
        }
        byte[] assembled;
        try (PDDocument outer = document("cover-2", "tail-2a", "tail-2b"); PDDocument parts = Loader.loadPDF(sections)) {
            ReportPdfAssembly.insertSections(outer, 1, parts);
            assembled = save(outer);
        }
        try (PDDocument doc = Loader.loadPDF(assembled)) {
            assertThat(texts(doc)).containsExactly("cover-2", "s1", "s2", "tail-2a", "tail-2b");
            assertThat(outline(doc)).containsExactly("cover-2@0", "s1@1", "s2@2", "tail-2a@3", "tail-2b@4");
        }
        assertThatThrownBy(() -> ReportPdfAssembly.pages(whole, 2, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReportPdfAssembly.pages(whole, 1, 5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keptPagesLeaveTheirFontOutAndThePdfTheyGoIntoCarriesItOnce() throws IOException {
        List<byte[]> kept = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        for (String text : List.of("records-1", "records-2")) {
            PDDocument page = new PDDocument();
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
            write(page, text, font);
            names.add(ReportPdfAssembly.leaveFontOut(page, font));
            assertThat(page.getPage(0).getResources().getFontNames()).isEmpty();
            kept.add(save(page));
        }
        assertThat(names).containsOnly(List.of("F1"));

        byte[] assembled;
        List<PDDocument> open = new ArrayList<>();
        try (PDDocument outer = document("cover", "evidence")) {
            PDType1Font shared = new PDType1Font(Standard14Fonts.FontName.COURIER);
            for (int i = 0; i < kept.size(); i++) {
                PDDocument records = Loader.loadPDF(kept.get(i));
                open.add(records);
                ReportPdfAssembly.putFontBack(records, names.get(i), shared);
                ReportPdfAssembly.insertPages(outer, 1 + i, records);
            }
            assembled = save(outer);
        } finally {
            for (PDDocument d : open) {
                d.close();
            }
        }
        try (PDDocument doc = Loader.loadPDF(assembled)) {
            assertThat(texts(doc)).containsExactly("cover", "records-1", "records-2", "evidence");
            java.util.Set<Object> fonts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i : new int[] {1, 2}) {
                fonts.add(doc.getPage(i).getResources().getCOSObject().getCOSDictionary(COSName.FONT)
                        .getDictionaryObject(COSName.getPDFName("F1")));
            }
            assertThat(fonts).hasSize(1);
        }
    }

    private static void write(PDDocument doc, String text, PDType1Font font) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(font, 12);
            content.newLineAtOffset(72, 700);
            content.showText(text);
            content.endText();
        }
    }

    private static List<String> texts(PDDocument doc) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            texts.add(stripper.getText(doc).strip());
        }
        return texts;
    }

    private static List<String> outline(PDDocument doc) throws IOException {
        List<String> outline = new ArrayList<>();
        for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
            outline.add(item.getTitle() + "@" + doc.getPages().indexOf(item.findDestinationPage(doc)));
        }
        return outline;
    }

    @Test
    void aTailOutsideTheDocumentIsRefused() throws IOException {
        try (PDDocument outer = document("cover", "tail"); PDDocument parts = Loader.loadPDF(save(document("s1")))) {
            assertThatThrownBy(() -> ReportPdfAssembly.insertSections(outer, 0, parts))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ReportPdfAssembly.insertSections(outer, 2, parts))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** One page per text, each with an outline item of that name. */
    private static PDDocument document(String... texts) throws IOException {
        PDDocument doc = new PDDocument();
        PDDocumentOutline outline = new PDDocumentOutline();
        for (String text : texts) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(page);
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(text);
            item.setDestination(destination);
            outline.addLast(item);
        }
        doc.getDocumentCatalog().setDocumentOutline(outline);
        return doc;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }
}
