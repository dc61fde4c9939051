package io.tanxin.reporting.report;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as its dark modules, drawn as vectors: an SVG path in the HTML report, filled
 * rectangles in the PDF. As a PNG image it had to be drawn pixel by pixel, encoded, then decoded
 * and re-encoded by the PDF renderer: an eighth of a PDF's CPU, for a picture that is blurred when
 * zoomed. Rows are drawn as runs of dark modules. The quiet zone is the four modules ISO/IEC 18004
 * asks for (it was one, with the "扫码验证" line just below), and the error correction level is M,
 * which a stain or fold on a printed report needs (L corrects 7 % of the code, M 15 %). Before
 * both, zxing read the cover at 200 dpi in 6 of 40 reads, with checksum errors, although every
 * module was where it belonged (sampled at its centre) and zbar read all 40.
 */
final class QrCode {

    static final int QUIET = 4;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            // width and height 0: one pixel per module, nothing scaled
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8",
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
    }

    /** Modules per side, quiet zone included. */
    int size() {
        return modules.getWidth() + 2 * QUIET;
    }

    boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** The dark modules as an SVG path in module units, for {@code viewBox="0 0 size size"}. */
    String svgPath() {
        StringBuilder d = new StringBuilder(4096);
        runs((x, y, length) -> d.append('M').append(x).append(' ').append(y).append('h').append(length)
                .append("v1h-").append(length).append('z'));
        return d.toString();
    }

    /** The dark modules as one shape in a square of {@code side} at (left, top), y downwards. */
    Shape shape(double left, double top, double side) {
        double unit = side / size();
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 4 * 64);
        runs((x, y, length) -> {
            double x0 = left + x * unit;
            double y0 = top + y * unit;
            path.moveTo(x0, y0);
            path.lineTo(x0 + length * unit, y0);
            path.lineTo(x0 + length * unit, y0 + unit);
            path.lineTo(x0, y0 + unit);
            path.closePath();
        });
        return path;
    }

    private interface Run {
        void at(int x, int y, int length);
    }

    private void runs(Run run) {
        int n = modules.getWidth();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules.get(x, y)) {
                    x++;
                }
                run.at(start + QUIET, y + QUIET, x - start);
            }
        }
    }
}
