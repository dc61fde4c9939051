package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportFontsTest {

    final ReportFonts fonts = new ReportFonts(1);

    @Test
    void theCommonPartHoldsTheCommonCharactersAndIsAFractionOfTheFont() throws Exception {
        TrueTypeFont common = fonts.common().borrow();
        TrueTypeFont whole = fonts.whole().borrow();
        for (char c : "碳信用报告深绿浅绿黄红评级企业名称ABCxyz0123（），。：；《》“”—％·tCO2e".toCharArray()) {
            assertThat(common.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isPositive();
        }
        // outside GB 2312: only in the whole font, which a PDF then falls back to
        for (char c : "堃燊喆".toCharArray()) {
            assertThat(common.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isZero();
            assertThat(whole.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isPositive();
        }
        // many hanzi are composites, so their components come along: ~13,700 glyphs
        assertThat(common.getNumberOfGlyphs()).isBetween(7_000, whole.getNumberOfGlyphs() / 3);
    }

    @Test
    void aGlyphIsTheSameInBothParts() throws Exception {
        TrueTypeFont common = fonts.common().borrow();
        TrueTypeFont whole = fonts.whole().borrow();
        for (char c : "碳信A".toCharArray()) {
            int inCommon = common.getUnicodeCmapLookup().getGlyphId(c);
            int inWhole = whole.getUnicodeCmapLookup().getGlyphId(c);
            assertThat(common.getAdvanceWidth(inCommon)).isEqualTo(whole.getAdvanceWidth(inWhole));
            assertThat(common.getGlyph().getGlyph(inCommon).getPath().getBounds2D())
                    .isEqualTo(whole.getGlyph().getGlyph(inWhole).getPath().getBounds2D());
        }
    }

    @Test
    void aReadsOwnTextIsSetInAFontOfJustItsCharactersAndRareOnesAreLeftToTheWholeFont() throws Exception {
        ReportFonts.OwnFont own = fonts.forText("<p>碳信用报告 Report No. TX-1</p><p>晋煤集团 堃</p>");
        ReportFonts.Opened opened = own.open();
        TrueTypeFont small = ((PDCIDFontType2) opened.font().getDescendantFont()).getTrueTypeFont();
        for (char c : "碳信用报告晋煤集团RNo.TX-1<>/p ~".toCharArray()) {
            assertThat(small.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isPositive();
        }
        // a character of the common part that the text does not hold is not in it
        assertThat(small.getUnicodeCmapLookup().getGlyphId('绿')).isZero();
        // outside the common part: left out, so openhtmltopdf falls back to the whole font
        assertThat(small.getUnicodeCmapLookup().getGlyphId('堃')).isZero();
        // those glyphs (with components and ASCII) only: KBs where the common part has megabytes
        assertThat(small.getNumberOfGlyphs()).isLessThan(150);
        assertThat(own.size()).isLessThan(48 * 1024);
        opened.carrier().close();
        // the same characters in another order: the same font, not made again
        assertThat(fonts.forText("<p>晋煤集团</p>")).isSameAs(fonts.forText("<p>集团晋煤</p>"));
    }

    @Test
    void aDocumentTakesTheOwnFontAsEmbeddedOnceAndItsTextExtracts() throws Exception {
        ReportFonts.OwnFont own = fonts.forText("<p>晋煤集团 碳信用报告 TX-2</p>");
        byte[] pdf;
        ReportFonts.Opened opened = own.open();
        int glyphs = ((PDCIDFontType2) opened.font().getDescendantFont()).getTrueTypeFont().getNumberOfGlyphs();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(opened.font(), 12);
                text.newLineAtOffset(50, 700);
                text.showText("晋煤集团 碳信用报告 TX-2");
                text.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        } finally {
            opened.carrier().close();
        }
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(read)).contains("晋煤集团 碳信用报告 TX-2");
            PDType0Font font = (PDType0Font) read.getPage(0).getResources()
                    .getFont(read.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            // written as it was embedded: the whole small font, not a subset of it made on save
            assertThat(((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont().getNumberOfGlyphs())
                    .isEqualTo(glyphs);
        }
    }
}
