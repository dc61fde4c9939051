package io.tanxin.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Takes a report's sections' pages out of a whole PDF, to be kept ({@link RenderedSections}), and
 * puts kept pages into the document of another read's cover and tail, before the tail's first
 * page, with one outline of both in page order; and kept pages of query records before the
 * evidence's page.
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
        List<PDOutlineItem> before = new ArrayList<>();
        List<PDOutlineItem> after = new ArrayList<>();
        for (PDOutlineItem item : items(outer)) {
            PDPage page = item.findDestinationPage(outer);
            (page != null && pages.indexOf(page) >= tailPage ? after : before).add(item);
        }
        insertPages(outer, tailPage, sections);
        PDDocumentOutline outline = new PDDocumentOutline();
        for (List<PDOutlineItem> part : List.of(before, items(sections), after)) {
            for (PDOutlineItem item : part) {
                // a destination names its page object, which is now a page of outer
                outline.addLast(copyOf(item));
            }
        }
        outer.getDocumentCatalog().setDocumentOutline(outline);
    }

    /**
     * Moves the pages of {@code pages} (kept query records, which have no outline items) into
     * {@code outer} before its page {@code beforePage}; {@code pages} stays open until
     * {@code outer} is saved, as for {@link #insertSections}.
     */
    static void insertPages(PDDocument outer, int beforePage, PDDocument pages) {
        PDPageTree tree = outer.getPages();
        if (beforePage < 1 || beforePage >= tree.getCount()) {
            throw new IllegalStateException("pages go in before page " + beforePage + " of " + tree.getCount());
        }
        PDPage before = tree.get(beforePage);
        List<PDPage> moved = new ArrayList<>();
        pages.getPages().forEach(moved::add);
        for (PDPage page : moved) {
            tree.insertBefore(page, before);
        }
    }

    /**
     * Takes {@code font} out of the resources of {@code doc}'s pages, to be put back when they go
     * into a PDF that carries the font once for all of them ({@link #putFontBack}); the names it
     * was under, in the order found.
     */
    static List<String> leaveFontOut(PDDocument doc, PDFont font) {
        COSDictionary leftOut = font.getCOSObject();
        List<String> names = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            COSDictionary fonts = page.getResources() == null ? null
                    : page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                continue;
            }
            for (COSName name : List.copyOf(fonts.keySet())) {
                if (fonts.getDictionaryObject(name) == leftOut) {
                    fonts.removeItem(name);
                    if (!names.contains(name.getName())) {
                        names.add(name.getName());
                    }
                }
            }
        }
        return names;
    }

    /** Puts {@code font} back under {@code names} into the resources of every page of {@code pages}. */
    static void putFontBack(PDDocument pages, List<String> names, PDFont font) {
        for (PDPage page : pages.getPages()) {
            for (String name : names) {
                page.getResources().put(COSName.getPDFName(name), font);
            }
        }
    }

    /**
     * Pages {@code from} (inclusive) to {@code to} (exclusive) of a saved PDF as a PDF of their own,
     * with their outline items, to be put into another read's PDF by {@link #insertSections}.
     */
    static byte[] pages(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length)) {
            PDPageTree pages = doc.getPages();
            if (from < 0 || to <= from || to > pages.getCount()) {
                throw new IllegalStateException("pages " + from + " to " + to + " of " + pages.getCount());
            }
            List<PDPage> kept = new ArrayList<>();
            for (int i = from; i < to; i++) {
                kept.add(pages.get(i));
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            for (PDOutlineItem item : items(doc)) {
                PDPage page = item.findDestinationPage(doc);
                if (page != null && kept.contains(page)) {
                    outline.addLast(copyOf(item));
                }
            }
            for (int i = pages.getCount() - 1; i >= 0; i--) {
                if (i < from || i >= to) {
                    pages.remove(i);
                }
            }
            doc.getDocumentCatalog().setDocumentOutline(outline);
            // the title named the read the pages came from
            doc.setDocumentInformation(new PDDocumentInformation());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** An item of one outline for another: an item belongs to one outline only. */
    private static PDOutlineItem copyOf(PDOutlineItem item) throws IOException {
        PDOutlineItem copy = new PDOutlineItem();
        copy.setTitle(item.getTitle());
        copy.setDestination(item.getDestination());
        return copy;
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
