package app.peal.ui;

import javafx.application.Application;

/**
 * Opens {@link UiPreview} from the classpath (JavaFX refuses a main class that is itself an
 * Application there). One argument: lobby, countin, highway or results.
 */
public final class UiPreviewMain {
  private UiPreviewMain() {}

  public static void main(String[] args) {
    Application.launch(UiPreview.class, args);
  }
}
