package app.peal.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerNamesTest {
  @Test
  void clean_foldsWhiteSpaceAndTrims() {
    assertEquals("Ann Lee", PlayerNames.clean("  Ann \t\n Lee  "));
  }

  @Test
  void clean_removesControlAndInvisibleFormattingCharacters() {
    String hostile = "A\u0000n\u202En\u200B\u0007";

    assertEquals("Ann", PlayerNames.clean(hostile));
  }

  @Test
  void clean_keepsEmojiAndAccents() {
    assertEquals("Zoë 🔔", PlayerNames.clean("Zoe\u0308 🔔"));
  }

  @Test
  void clean_nothingVisible_isRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlayerNames.clean("\u200B \u0000"));

    assertEquals("a name needs at least one visible character", e.getMessage());
  }

  @Test
  void clean_tooLong_isRefusedWithTheLimit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlayerNames.clean("x".repeat(25)));

    assertEquals("name is 25 characters; use at most 24", e.getMessage());
  }

  @Test
  void clean_markupIsKeptAsPlainText() {
    assertEquals("<b>Bob</b>", PlayerNames.clean("<b>Bob</b>"));
  }

  @Test
  void unique_takenName_getsANumber() {
    assertEquals("Ann 3", PlayerNames.unique("Ann", List.of("Ann", "Ann 2")));
    assertEquals("Bob", PlayerNames.unique("Bob", List.of("Ann")));
  }
}
