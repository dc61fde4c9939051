package io.tanxin.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's Chinese font, in two parts. PDFBox's cost of embedding a font grows with the
 * font's glyph count, not with the glyphs a document uses: loading it writes and re-reads a width
 * for each of the 49,531 glyphs, and subsetting walks every CID up to the highest used one. So a
 * PDF is typeset in a copy that holds only the common characters (GB 2312: 6,763 hanzi, with
 * Latin, punctuation, symbols and full-width forms; 13,727 glyphs with the components of composite
 * hanzi), made once from the font when
 * first needed; a character outside it (a rare hanzi in a name) falls back to the whole font,
 * which is then embedded as well. The PDF's text is the same either way.
 */
final class ReportFonts {

    /** The family of the common characters: the one the report's CSS names first. */
    static final String COMMON = "WenQuanYi Micro Hei";
    /** The whole font, for characters the common part lacks. */
    static final String WHOLE = "WenQuanYi Micro Hei Whole";

    private static final String PATH = "/fonts/wqy-microhei.ttc";
    private static final String NAME = "WenQuanYiMicroHei";

    static final ReportFonts INSTANCE = new ReportFonts(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private final Pool common;
    private final Pool whole;
    private volatile byte[] fontBytes;
    private volatile byte[] commonBytes;
    private volatile BitSet inCommon;
    // small fonts by the characters they hold: about 40 KB for an enterprise's cover and tail, a few
    // variants for pages of query records
    private final Cache<BitSet, OwnFont> small = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
            .weigher((BitSet points, OwnFont font) -> font.size()).build();

    ReportFonts(int copies) {
        this.common = new Pool(copies, () -> parse(commonBytes()));
        this.whole = new Pool(copies, this::parseWhole);
    }

    Pool common() {
        return common;
    }

    Pool whole() {
        return whole;
    }

    /**
     * The font of a read's own pages (its cover and tail, or a page of query records), whose text
     * is {@code xhtml}: the glyphs of just its characters that the common part has, embedded whole;
     * a character the common part lacks falls back to the whole font. A read's subset of the
     * common part was made when its PDF was saved: loading the common part into the document and
     * walking its 13,727 glyphs took a fifth of a kept PDF's CPU, for the same few hundred
     * characters read after read. One font, not the template's characters and the names' apart:
     * openhtmltopdf tries a family's font on each character and falls back on the exception
     * PDFBox throws, so names set in a second font cost an exception a character.
     */
    OwnFont forText(CharSequence xhtml) {
        BitSet has = inCommon();
        BitSet used = new BitSet();
        xhtml.codePoints().forEach(cp -> {
            if (has.get(cp)) {
                used.set(cp);
            }
        });
        // printable ASCII always: the renderer may set a space or a hyphen the page text does not hold
        used.set(0x20, 0x7F);
        return subset(used);
    }

    /** The font {@link #forText} gives for a text of these code points ({@link OwnFont#codePoints}). */
    OwnFont forCodePoints(int[] points) {
        BitSet used = new BitSet();
        for (int p : points) {
            used.set(p);
        }
        return subset(used);
    }

    /**
     * What a small font keeps: the tables PDFBox embeds, with the character map it encodes text by,
     * the metrics and the names. Without a list the subsetter copies every other table whole: the
     * vertical metrics and positioning (vmtx, GPOS) made a font of four glyphs 147 KB.
     */
    private static final List<String> SMALL_FONT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
            "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "post", "name");

    private OwnFont subset(BitSet points) {
        return small.get(points, p -> {
            byte[] ttf;
            TrueTypeFont f = common.borrow();
            try {
                TTFSubsetter subsetter = new TTFSubsetter(f, SMALL_FONT_TABLES);
                p.stream().forEach(subsetter::add);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                subsetter.writeToStream(out);
                ttf = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                common.giveBack(f);
            }
            return OwnFont.embed(ttf, p.stream().toArray());
        });
    }

    /**
     * A small font embedded once, in a PDF that holds just the font; a read's document takes the
     * font's objects from there. Embedding a font compresses its file and builds its widths and
     * its text map (ToUnicode): done for each PDF, that was a tenth of a kept PDF's CPU, for the
     * same bytes read after read. The objects a document takes from another are written as they
     * were read, compressed already, as a kept section's pages are.
     */
    static final class OwnFont {

        private static final COSName NAME = COSName.getPDFName("F1");

        private final byte[] carrier;
        private final int[] points;

        private OwnFont(byte[] carrier, int[] points) {
            this.carrier = carrier;
            this.points = points;
        }

        /** Its code points, by which {@link ReportFonts#forCodePoints} finds it again (or makes it anew). */
        int[] codePoints() {
            return points.clone();
        }

        private static OwnFont embed(byte[] ttf, int[] points) {
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(ttf.length)) {
                PDPage page = new PDPage();
                PDResources resources = new PDResources();
                resources.put(NAME, PDType0Font.load(doc, parse(ttf), false));
                page.setResources(resources);
                doc.addPage(page);
                doc.save(out);
                return new OwnFont(out.toByteArray(), points);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Bytes of its PDF: the font file compressed, its widths and its text map. */
        int size() {
            return carrier.length + 4 * points.length;
        }

        /**
         * The font, read from its own PDF, which must stay open until the document that uses the
         * font is saved (the font's objects are written from it) and be closed after.
         */
        Opened open() throws IOException {
            PDDocument doc = Loader.loadPDF(carrier);
            try {
                return new Opened(doc, (PDType0Font) doc.getPage(0).getResources().getFont(NAME));
            } catch (IOException | RuntimeException e) {
                doc.close();
                throw e;
            }
        }
    }

    /** A small font read from its own PDF, which is closed after the document using it is saved. */
    record Opened(PDDocument carrier, PDType0Font font) {
    }

    /** The code points the common part has a glyph for. */
    private BitSet inCommon() {
        BitSet b = inCommon;
        if (b == null) {
            TrueTypeFont f = common.borrow();
            try {
                b = new BitSet(0x10000);
                var cmap = f.getUnicodeCmapLookup();
                for (int cp : commonCodePoints()) {
                    if (cmap.getGlyphId(cp) > 0) {
                        b.set(cp);
                    }
                }
                inCommon = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                common.giveBack(f);
            }
        }
        return b;
    }

    /** The code points of the common part: those of them the font has are kept. */
    static Set<Integer> commonCodePoints() {
        Set<Integer> points = new HashSet<>(16_384);
        int[][] ranges = {
                {0x20, 0x7E}, {0xA0, 0x24F}, // Latin
                {0x2000, 0x206F}, {0x2100, 0x22FF}, // punctuation, letterlike, arrows, maths
                {0x2460, 0x25FF}, // enclosed numbers, box drawing, shapes
                {0x3000, 0x303F}, // CJK punctuation
                {0xFF00, 0xFFEF}, // full-width forms
        };
        for (int[] r : ranges) {
            for (int c = r[0]; c <= r[1]; c++) {
                points.add(c);
            }
        }
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        for (char c = 0x3000; c < 0xA000; c++) {
            if (gb2312.canEncode(c)) {
                points.add((int) c);
            }
        }
        return points;
    }

    private byte[] commonBytes() {
        byte[] b = commonBytes;
        if (b == null) {
            synchronized (this) {
                b = commonBytes;
                if (b == null) {
                    try {
                        TTFSubsetter subsetter = new TTFSubsetter(parseWhole());
                        subsetter.addAll(commonCodePoints());
                        ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024 * 1024);
                        subsetter.writeToStream(out);
                        b = out.toByteArray();
                        commonBytes = b;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return b;
    }

    private TrueTypeFont parseWhole() {
        try {
            // the collection stays open: its fonts read their tables from it lazily
            TrueTypeFont f = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes())).getFontByName(NAME);
            if (f == null) {
                throw new IllegalStateException(NAME + " missing from " + PATH);
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a font file, for one user at a time (a parsed font reads its tables lazily). */
    private static TrueTypeFont parse(byte[] ttf) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] fontBytes() {
        byte[] f = fontBytes;
        if (f == null) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(PATH)) {
                if (in == null) {
                    throw new IllegalStateException("font missing: " + PATH);
                }
                f = in.readAllBytes();
                fontBytes = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }

    /**
     * Parsed copies of a font. A parsed font is not safe for concurrent use (its tables are read
     * lazily through one stream), so each render borrows a copy for itself. The pool's size also
     * bounds how many PDFs render at once: rendering is pure CPU work, and more of it in parallel
     * than there are cores only adds switching and garbage.
     */
    static final class Pool {

        private final BlockingQueue<TrueTypeFont> idle;
        private final Semaphore parse;
        private final Supplier<TrueTypeFont> parser;

        Pool(int size, Supplier<TrueTypeFont> parser) {
            // fair: renders waiting for a copy get one in the order they asked; unfair hand-over let
            // some wait several rounds and doubled the 95th percentile at 32 clients
            this.idle = new ArrayBlockingQueue<>(size, true);
            this.parse = new Semaphore(size);
            this.parser = parser;
        }

        TrueTypeFont borrow() {
            TrueTypeFont f = idle.poll();
            if (f != null) {
                return f;
            }
            if (parse.tryAcquire()) {
                try {
                    return parser.get();
                } catch (RuntimeException e) {
                    parse.release();
                    throw e;
                }
            }
            try {
                return idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the report font", e);
            }
        }

        void giveBack(TrueTypeFont f) {
            idle.offer(f);
        }
    }
}
