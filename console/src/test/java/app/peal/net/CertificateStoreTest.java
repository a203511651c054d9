package app.peal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateStoreTest {
  @TempDir Path dir;

  @Test
  void identityFor_firstRun_makesEcCertificateCoveringAddresses() throws Exception {
    InetAddress lan = InetAddress.getByName("192.168.1.23");
    CertificateStore store = new CertificateStore(dir.resolve("peal"));

    TlsIdentity identity = store.identityFor(List.of(lan, InetAddress.getLoopbackAddress()));

    X509Certificate certificate = identity.certificate();
    assertTrue(identity.created());
    assertEquals("CN=Peal console", certificate.getSubjectX500Principal().getName());
    assertEquals("EC", certificate.getPublicKey().getAlgorithm());
    assertEquals("SHA256withECDSA", certificate.getSigAlgName());
    assertEquals(
        "[[2, localhost], [7, 192.168.1.23], [7, 127.0.0.1]]",
        certificate.getSubjectAlternativeNames().toString());
    Duration validity = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
    assertTrue(validity.toDays() >= 5 * 365 - 1, validity.toString());
    assertTrue(Files.isRegularFile(store.keystoreFile()));
    assertEquals("TLS", identity.sslContext().getProtocol());
  }

  @Test
  void identityFor_secondStoreSameDirectory_reusesSameCertificate() throws Exception {
    List<InetAddress> addresses = List.of(InetAddress.getByName("10.0.0.5"));
    TlsIdentity first = new CertificateStore(dir).identityFor(addresses);

    TlsIdentity second = new CertificateStore(dir).identityFor(addresses);

    assertFalse(second.created());
    assertEquals(first.fingerprint(), second.fingerprint());
  }

  @Test
  void identityFor_subsetOfCoveredAddresses_reusesCertificate() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.5");
    InetAddress b = InetAddress.getByName("2001:db8::7");
    TlsIdentity first = new CertificateStore(dir).identityFor(List.of(a, b));

    TlsIdentity second = new CertificateStore(dir).identityFor(List.of(b));

    assertEquals(first.fingerprint(), second.fingerprint());
  }

  @Test
  void identityFor_newAddressRequired_makesNewCertificate() throws Exception {
    TlsIdentity first =
        new CertificateStore(dir).identityFor(List.of(InetAddress.getByName("10.0.0.5")));

    TlsIdentity second =
        new CertificateStore(dir).identityFor(List.of(InetAddress.getByName("10.0.0.6")));

    assertTrue(second.created());
    assertNotEquals(first.fingerprint(), second.fingerprint());
    TlsIdentity third =
        new CertificateStore(dir).identityFor(List.of(InetAddress.getByName("10.0.0.6")));
    assertEquals(second.fingerprint(), third.fingerprint());
  }

  @Test
  void identityFor_backOnAnEarlierNetwork_reusesTheCertificateThatCoversBoth() throws Exception {
    InetAddress home = InetAddress.getByName("192.168.1.23");
    InetAddress friends = InetAddress.getByName("10.0.0.6");
    new CertificateStore(dir).identityFor(List.of(home));
    TlsIdentity both = new CertificateStore(dir).identityFor(List.of(friends));

    TlsIdentity backHome = new CertificateStore(dir).identityFor(List.of(home));

    assertFalse(backHome.created());
    assertEquals(both.fingerprint(), backHome.fingerprint());
  }

  @Test
  void identityFor_corruptKeystore_replacesIt() throws Exception {
    CertificateStore store = new CertificateStore(dir);
    Files.writeString(store.keystoreFile(), "not a keystore");

    TlsIdentity identity = store.identityFor(List.of(InetAddress.getLoopbackAddress()));

    assertTrue(identity.created());
  }

  @Test
  void identityFor_onPosix_keepsKeystoreOwnerOnly() throws Exception {
    CertificateStore store = new CertificateStore(dir.resolve("config"));

    store.identityFor(List.of(InetAddress.getLoopbackAddress()));

    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(store.keystoreFile())));
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("config"))));
  }

  @Test
  void whyNotReusable_expiringSoon_saysWhen() throws Exception {
    X509Certificate certificate = new CertificateStore(dir)
        .identityFor(List.of(InetAddress.getLoopbackAddress()))
        .certificate();
    Instant expiry = certificate.getNotAfter().toInstant();

    Optional<String> nearExpiry = CertificateStore.whyNotReusable(
        certificate, List.of(), expiry.minus(Duration.ofDays(10)));
    Optional<String> missing = CertificateStore.whyNotReusable(
        certificate, List.of(InetAddress.getByName("192.168.9.9")), Instant.now());

    assertEquals(Optional.of("the saved one expires on " + expiry), nearExpiry);
    assertEquals(Optional.of("the saved one does not cover 192.168.9.9"), missing);
  }

  @Test
  void fingerprint_format_is32ColonSeparatedHexPairs() throws Exception {
    TlsIdentity identity =
        new CertificateStore(dir).identityFor(List.of(InetAddress.getLoopbackAddress()));

    String fingerprint = identity.fingerprint();

    assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
  }

  @Test
  void defaultDirectory_endsInPeal() {
    assertEquals("peal", CertificateStore.defaultDirectory().getFileName().toString());
  }
}
