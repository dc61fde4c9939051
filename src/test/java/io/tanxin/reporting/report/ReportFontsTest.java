package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.fontbox.ttf.TrueTypeFont;
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
    void aReadsOwnTextIsSetInTheTemplatesCharactersAndItsNamesAndRareOnesAreLeftToTheWholeFont() throws Exception {
        ReportFonts.ReadFonts own = fonts.forText("<p>碳信用报告 Report No. TX-1</p><p>晋煤集团 堃</p>");
        TrueTypeFont template = ReportFonts.parseSmall(own.template());
        TrueTypeFont names = ReportFonts.parseSmall(own.names());
        for (char c : "碳信用报告RNo.TX-1<>/p".toCharArray()) {
            assertThat(template.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isPositive();
        }
        // 晋 and 煤 are nowhere in the template; 集 and 团 neither
        for (char c : "晋煤集团".toCharArray()) {
            assertThat(names.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isPositive();
            assertThat(template.getUnicodeCmapLookup().getGlyphId(c)).as("%s", c).isZero();
        }
        // outside the common part: in neither, so openhtmltopdf falls back to the whole font
        assertThat(template.getUnicodeCmapLookup().getGlyphId('堃')).isZero();
        assertThat(names.getUnicodeCmapLookup().getGlyphId('堃')).isZero();
        // just those glyphs (and their components), a few KB instead of the common part's megabytes
        assertThat(names.getNumberOfGlyphs()).isLessThan(20);
        assertThat(own.names().length).isLessThan(16 * 1024);
        // the same characters again: the same font, not made again
        assertThat(fonts.forText("<p>晋煤集团</p>").names()).isSameAs(
                fonts.forText("<p>集团晋煤</p>").names());
    }

    @Test
    void aTextOfTheTemplatesCharactersAloneNeedsNoNamesFont() {
        assertThat(fonts.forText("<h2>九、近两年查询记录</h2>").names()).isNull();
    }
}
