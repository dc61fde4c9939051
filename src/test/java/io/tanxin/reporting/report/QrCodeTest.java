package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    static final String URL = "http://localhost:8080/api/v1/evidence/leaves/123456";
    static final int Q = QrCode.QUIET;

    @Test
    void itHasTheStandardQuietZoneAndLevelMErrorCorrection() throws Exception {
        QrCode qr = QrCode.of(URL);
        assertThat(QrCode.QUIET).isEqualTo(4);
        // level M: 51 bytes need version 4 (33 modules); level L would fit them in version 3 (29)
        assertThat(qr.size()).isEqualTo(33 + 2 * 4);
        boolean[][] dark = new boolean[qr.size()][qr.size()];
        for (int y = Q; y < qr.size() - Q; y++) {
            for (int x = Q; x < qr.size() - Q; x++) {
                dark[y][x] = qr.dark(x - Q, y - Q);
            }
        }
        // a stain over a 3×3 block of the data area (not a finder pattern) is corrected
        for (int y = 20; y < 23; y++) {
            for (int x = 20; x < 23; x++) {
                dark[y][x] = !dark[y][x];
            }
        }
        assertThat(decode(dark)).isEqualTo(URL);
        assertThat(read(dark).getResultMetadata().get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL))
                .isEqualTo("M");
    }

    @Test
    void itsModulesDecodeToTheText() throws Exception {
        QrCode qr = QrCode.of(URL);
        boolean[][] dark = new boolean[qr.size()][qr.size()];
        for (int y = Q; y < qr.size() - Q; y++) {
            for (int x = Q; x < qr.size() - Q; x++) {
                dark[y][x] = qr.dark(x - Q, y - Q);
            }
        }
        assertThat(decode(dark)).isEqualTo(URL);
    }

    @Test
    void theSvgPathDrawsExactlyTheDarkModules() throws Exception {
        QrCode qr = QrCode.of(URL);
        boolean[][] drawn = new boolean[qr.size()][qr.size()];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(qr.svgPath());
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("runs follow each other").isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                assertThat(drawn[y][x + i]).as("drawn once").isFalse();
                drawn[y][x + i] = true;
            }
        }
        assertThat(end).isEqualTo(qr.svgPath().length());
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                boolean inCode = x >= Q && y >= Q && x < qr.size() - Q && y < qr.size() - Q;
                assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(inCode && qr.dark(x - Q, y - Q));
            }
        }
        assertThat(decode(drawn)).isEqualTo(URL);
    }

    @Test
    void theShapeCoversTheDarkModulesInItsSquare() {
        QrCode qr = QrCode.of(URL);
        double side = qr.size() * 10.0;
        java.awt.Shape shape = qr.shape(100, 200, side);
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                boolean inCode = x >= Q && y >= Q && x < qr.size() - Q && y < qr.size() - Q;
                assertThat(shape.contains(100 + x * 10 + 5, 200 + y * 10 + 5)).as("module %d,%d", x, y)
                        .isEqualTo(inCode && qr.dark(x - Q, y - Q));
            }
        }
    }

    /** Decodes modules scaled up four times, as a scanner would see them. */
    static String decode(boolean[][] modules) throws Exception {
        return read(modules).getText();
    }

    static com.google.zxing.Result read(boolean[][] modules) throws Exception {
        int scale = 4;
        int n = modules.length * scale;
        int[] pixels = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                pixels[y * n + x] = modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(n, n, pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }
}
