package app.peal.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Draws a QR code as a JavaFX image: black modules on white with the standard four-module quiet
 * zone, every module the same whole number of pixels so a phone reads it cleanly off a projector.
 */
final class QrCode {
  static final int QUIET_ZONE_MODULES = 4;
  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;

  private QrCode() {}

  /** An image of {@code text} at most {@code maxPixels} square, at least a pixel per module. */
  static WritableImage render(String text, int maxPixels) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("QR text is empty; pass the join URL");
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("QR size " + maxPixels + " px must be positive");
    }

    BitMatrix modules = encode(text);
    int side = modules.getWidth();
    int scale = Math.max(1, maxPixels / side);
    WritableImage image = new WritableImage(side * scale, side * scale);
    PixelWriter pixels = image.getPixelWriter();
    for (int y = 0; y < side * scale; y++) {
      for (int x = 0; x < side * scale; x++) {
        pixels.setArgb(x, y, modules.get(x / scale, y / scale) ? BLACK : WHITE);
      }
    }
    return image;
  }

  private static BitMatrix encode(String text) {
    Map<EncodeHintType, Object> hints = Map.of(
        EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    try {
      // Size 0 asks for one pixel per module; the scaling above keeps modules square and whole.
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "cannot encode '" + text + "' as a QR code (" + e.getMessage() + "); use a shorter URL",
          e);
    }
  }
}
