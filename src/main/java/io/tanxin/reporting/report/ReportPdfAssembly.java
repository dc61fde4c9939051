package io.tanxin.reporting.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Puts a report's sections' pages (rendered once per state of the enterprise's data, see
 * {@link RenderedSections}) into the document of this read's cover and tail, before the tail's
 * first page, and makes one outline of both in page order.
 */
final class ReportPdfAssembly {

    private ReportPdfAssembly() {
    }

    /**
     * {@code sections} must stay open until {@code outer} is saved: its pages are moved, not
     * copied, and their fonts and content are read from it when {@code outer} is written.
     */
    static void insertSections(PDDocument outer, int tailPage, PDDocument sections) throws IOException {
        PDPageTree pages = outer.getPages();
        if (tailPage < 1 || tailPage >= pages.getCount()) {
            throw new IllegalStateException("the tail of the report starts on page " + tailPage + " of "
                    + pages.getCount());
        }
        List<PDOutlineItem> before = new ArrayList<>();
        List<PDOutlineItem> after = new ArrayList<>();
        for (PDOutlineItem item : items(outer)) {
            PDPage page = item.findDestinationPage(outer);
            (page != null && pages.indexOf(page) >= tailPage ? after : before).add(item);
        }
        PDPage tail = pages.get(tailPage);
        List<PDPage> moved = new ArrayList<>();
        sections.getPages().forEach(moved::add);
        for (PDPage page : moved) {
            pages.insertBefore(page, tail);
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        for (List<PDOutlineItem> part : List.of(before, items(sections), after)) {
            for (PDOutlineItem item : part) {
                PDOutlineItem copy = new PDOutlineItem();
                copy.setTitle(item.getTitle());
                // a destination names its page object, which is now a page of outer
                copy.setDestination(item.getDestination());
                outline.addLast(copy);
            }
        }
        outer.getDocumentCatalog().setDocumentOutline(outline);
    }

    private static List<PDOutlineItem> items(PDDocument doc) {
        List<PDOutlineItem> items = new ArrayList<>();
        PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
        if (outline != null) {
            outline.children().forEach(items::add);
        }
        return items;
    }
}
