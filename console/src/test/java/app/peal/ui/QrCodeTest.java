package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QrCodeTest {
  private static final String URL = "https://192.168.1.23:8443/?room=BELL";

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @Test
  void render_joinUrl_decodesBackToTheUrl() throws Exception {
    WritableImage image = Fx.call(() -> QrCode.render(URL, 300));

    assertEquals(URL, decode(image));
  }

  @Test
  void render_maxPixels_fitsAndKeepsWholeModules() {
    WritableImage image = Fx.call(() -> QrCode.render(URL, 300));

    int side = (int) image.getWidth();
    assertTrue(side <= 300 && side >= 250, "side " + side);
    assertEquals(side, (int) image.getHeight());
    // A 4-module quiet zone: the whole first rows are white.
    PixelReader pixels = image.getPixelReader();
    for (int x = 0; x < side; x++) {
      assertEquals(0xFFFFFFFF, pixels.getArgb(x, 0));
      assertEquals(0xFFFFFFFF, pixels.getArgb(x, 12));
    }
  }

  @Test
  void render_emptyText_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QrCode.render("", 300));

    assertEquals("QR text is empty; pass the join URL", e.getMessage());
  }

  /** Reads a QR image the way a phone's scanner would, from its pixels alone. */
  static String decode(Image image) throws Exception {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] argb = new int[width * height];
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        argb[y * width + x] = pixels.getArgb(x, y);
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE))
        .getText();
  }
}
