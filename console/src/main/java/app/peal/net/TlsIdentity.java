package app.peal.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * The console's TLS certificate and a server context built on it, ready for
 * {@link PealServer}.
 *
 * @param certificate the self-signed certificate phones are shown
 * @param sslContext a server context holding the certificate and its private key
 * @param created true when this run made the certificate, false when it was reused
 */
public record TlsIdentity(X509Certificate certificate, SSLContext sslContext, boolean created) {

  /** SHA-256 of the certificate, as browsers show it: "AB:01:…", 32 pairs. */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint the console certificate", e);
    }
  }
}
