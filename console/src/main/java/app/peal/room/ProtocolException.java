package app.peal.room;

/** A phone's message was refused; {@code code} is one of the protocol's error codes. */
final class ProtocolException extends Exception {
  private final String code;

  ProtocolException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
