package io.tanxin.reporting.report;

import java.awt.Shape;
import java.util.Map;

import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import org.w3c.dom.Element;

/**
 * Draws {@code <object type="application/x-tanxin-qr" data-text="…">} in the PDF as vector
 * modules (see {@link QrCode}), square and centred in the element's box.
 */
final class QrObjectDrawer implements FSObjectDrawer {

    static final String TYPE = "application/x-tanxin-qr";

    private static final FSRGBColor DARK = new FSRGBColor(0, 0, 0);

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
            OutputDevice out, RenderingContext ctx, int dotsPerPixel) {
        double side = Math.min(width, height);
        QrCode qr = QrCode.of(e.getAttribute("data-text"));
        out.setColor(DARK);
        out.fill(qr.shape(x + (width - side) / 2, y + (height - side) / 2, side));
        return null;
    }
}
