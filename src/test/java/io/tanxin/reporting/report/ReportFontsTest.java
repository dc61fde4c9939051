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
}
