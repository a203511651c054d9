package app.peal.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The conductor console's window. Start it with {@link #launch(ConsoleSetup)}; F11 toggles full
 * screen for the projector.
 */
public final class ConsoleApp extends Application {
  static final String TITLE = "Peal";
  static final double WIDTH = 1280;
  static final double HEIGHT = 800;
  private static volatile ConsoleSetup pending;

  private ConsoleSetup setup;
  private ConsoleView view;

  /**
   * Opens the console window and blocks until it closes, then runs {@code setup.onClose()}.
   * JavaFX allows this once per process.
   */
  public static void launch(ConsoleSetup setup) {
    if (setup == null) {
      throw new IllegalArgumentException("console setup is null; pass the room and its links");
    }
    pending = setup;
    Application.launch(ConsoleApp.class);
  }

  @Override
  public void start(Stage stage) {
    setup = pending;
    if (setup == null) {
      throw new IllegalStateException(
          "the console was started without a setup; start it through ConsoleApp.launch(setup)");
    }
    // Sound can only be probed once the toolkit runs, and the lobby shows what the probe found.
    view = new ConsoleView(setup.room(), setup.links(), setup.startSound().get());
    stage.setTitle(TITLE);
    stage.setScene(scene(view, stage));
    stage.setMinWidth(800);
    stage.setMinHeight(560);
    view.attach();
    stage.show();
  }

  @Override
  public void stop() {
    if (view != null) {
      view.detach();
    }
    if (setup != null) {
      setup.onClose().run();
    }
  }

  /** The window's scene around {@code view}, with F11 switching full screen on and off. */
  static Scene scene(ConsoleView view, Stage stage) {
    Scene scene = new Scene(view, WIDTH, HEIGHT);
    stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
    stage.setFullScreenExitHint("F11 leaves full screen");
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.F11) {
        stage.setFullScreen(!stage.isFullScreen());
        e.consume();
      }
    });
    return scene;
  }
}
