package dev.tandem.tracking.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of tracking links, as PNG (for print and chat apps) and as SVG (sharp at any size).
 * Error correction M survives a smudge on a flyer; the 4-module quiet zone is what scanners need.
 */
public final class QrCodes {

    private static final int QUIET_ZONE = 4;
    private static final int PNG_MODULE_PIXELS = 10;

    private QrCodes() {
    }

    /** A PNG, black on white, 10 pixels per module. */
    public static byte[] png(String text) {
        BitMatrix matrix = matrix(text);
        int size = (matrix.getWidth() + 2 * QUIET_ZONE) * PNG_MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / PNG_MODULE_PIXELS - QUIET_ZONE;
                int my = y / PNG_MODULE_PIXELS - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG with the dark modules as one path, each row's runs merged into rectangles. */
    public static String svg(String text) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
                + size * PNG_MODULE_PIXELS + "\" height=\"" + size * PNG_MODULE_PIXELS
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    private static BitMatrix matrix(String text) {
        try {
            // margin 0: the quiet zone is added here, the same for both formats
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }
}
