package app.peal.game;

import java.util.List;

/**
 * The addresses guests can reach the console at, and the join link for each. {@code hosts} is in
 * order of preference; the first is the default the console shows.
 */
public record JoinLinks(String scheme, int port, String roomCode, List<String> hosts) {
  public JoinLinks {
    hosts = List.copyOf(hosts);
  }

  public String url(String host) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + port + "/?room=" + roomCode;
  }
}
