package app.peal.ui;

import java.net.URL;

/** Finds the console's stylesheets, which sit next to the views that use them. */
final class Styles {
  private Styles() {}

  static String url(String stylesheet) {
    URL url = Styles.class.getResource(stylesheet);
    if (url == null) {
      throw new IllegalStateException(
          "stylesheet " + stylesheet + " is missing from app/peal/ui; rebuild the console jar");
    }
    return url.toExternalForm();
  }
}
