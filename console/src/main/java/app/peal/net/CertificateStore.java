package app.peal.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keeps the console's self-signed TLS certificate in a config folder: made once (EC P-256,
 * SHA256withECDSA, about five years), reused while it covers the addresses the console serves
 * and is not about to expire, and made anew otherwise.
 *
 * <p>The PKCS12 file uses a fixed password. A password saved next to the file would guard the
 * key no better than the file's owner-only permissions already do, and this key only vouches
 * for a self-signed party certificate that every phone is asked to accept by hand.
 */
public final class CertificateStore {
  static final String FILE_NAME = "console-tls.p12";
  static final String ALIAS = "peal-console";
  static final Duration VALIDITY = Duration.ofDays(5 * 365);
  static final Duration RENEW_BEFORE = Duration.ofDays(30);
  static final int MAX_REMEMBERED_ADDRESSES = 16;

  private static final System.Logger LOG = System.getLogger(CertificateStore.class.getName());
  private static final char[] PASSWORD = "peal-party".toCharArray();
  private static final int IP_ADDRESS_SAN = 7;

  private final Path directory;

  /** A store in {@link #defaultDirectory()}. */
  public CertificateStore() {
    this(defaultDirectory());
  }

  public CertificateStore(Path directory) {
    this.directory = directory;
  }

  /** {@code $XDG_CONFIG_HOME/peal} when that is set to an absolute path, else ~/.config/peal. */
  public static Path defaultDirectory() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
      return Paths.get(xdg, "peal");
    }
    return Paths.get(System.getProperty("user.home"), ".config", "peal");
  }

  /** Where the keystore lives (it may not exist yet). */
  public Path keystoreFile() {
    return directory.resolve(FILE_NAME);
  }

  /**
   * The certificate for these addresses: the saved one when it covers them all and stays valid
   * for another 30 days, else a new one (saved over the old).
   *
   * @param addresses the addresses phones will connect to; "localhost" is always included
   * @throws IOException when the config folder cannot be written
   */
  public TlsIdentity identityFor(Collection<InetAddress> addresses) throws IOException {
    Path file = keystoreFile();
    Optional<KeyStore> saved = readSaved(file);
    Set<InetAddress> wanted = new LinkedHashSet<>(addresses);
    if (saved.isPresent()) {
      X509Certificate certificate = certificateIn(saved.get());
      Optional<String> problem = whyNotReusable(certificate, addresses, Instant.now());
      if (problem.isEmpty()) {
        return new TlsIdentity(certificate, serverContext(saved.get()), false);
      }
      LOG.log(System.Logger.Level.INFO, "making a new TLS certificate: {0}", problem.get());
      // The laptop moves between a few networks (home, a friend's): keep covering the old ones
      // so that going back to one does not make yet another certificate.
      ipAddressesOf(certificate).stream()
          .limit(Math.max(0, MAX_REMEMBERED_ADDRESSES - wanted.size()))
          .forEach(wanted::add);
    } else {
      LOG.log(System.Logger.Level.INFO, "making a TLS certificate in {0}", file);
    }

    KeyStore fresh = generate(wanted, Instant.now());
    save(fresh, file);
    return new TlsIdentity(certificateIn(fresh), serverContext(fresh), true);
  }

  static Optional<String> whyNotReusable(
      X509Certificate certificate, Collection<InetAddress> addresses, Instant now) {
    if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
      return Optional.of("the saved one expires on " + certificate.getNotAfter().toInstant());
    }
    Set<InetAddress> covered = ipAddressesOf(certificate);
    for (InetAddress address : addresses) {
      if (!covered.contains(withoutScope(address))) {
        return Optional.of("the saved one does not cover " + address.getHostAddress());
      }
    }
    return Optional.empty();
  }

  private Optional<KeyStore> readSaved(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      if (!(store.getCertificate(ALIAS) instanceof X509Certificate)
          || !(store.getKey(ALIAS, PASSWORD) instanceof PrivateKey)) {
        LOG.log(System.Logger.Level.INFO, "{0} holds no console certificate; replacing it", file);
        return Optional.empty();
      }
      return Optional.of(store);
    } catch (IOException | GeneralSecurityException e) {
      LOG.log(System.Logger.Level.INFO, "cannot read {0} ({1}); replacing it", file, e.toString());
      return Optional.empty();
    }
  }

  private static KeyStore generate(Collection<InetAddress> addresses, Instant now)
      throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();

      List<GeneralName> names = new ArrayList<>();
      names.add(new GeneralName(GeneralName.dNSName, "localhost"));
      for (InetAddress address : new LinkedHashSet<>(addresses)) {
        names.add(new GeneralName(GeneralName.iPAddress,
            new DEROctetString(withoutScope(address).getAddress())));
      }

      X500Name subject = new X500Name("CN=Peal console");
      // A day of slack lets phones whose clocks run behind accept a certificate made just now.
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject,
          new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(VALIDITY)),
          subject,
          keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          extensions.createSubjectKeyIdentifier(keys.getPublic()));

      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD,
          new X509Certificate[] {certificate});
      return store;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make the console's TLS certificate", e);
    }
  }

  private void save(KeyStore store, Path file) throws IOException {
    createPrivateDirectory(directory);
    Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
    try {
      restrictToOwner(temporary);
      try (OutputStream out = Files.newOutputStream(temporary)) {
        store.store(out, PASSWORD);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot write the TLS keystore " + file, e);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the user's profile folder is the only protection there.
    }
  }

  private static X509Certificate certificateIn(KeyStore store) throws IOException {
    try {
      return (X509Certificate) store.getCertificate(ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IOException("the TLS keystore holds no certificate '" + ALIAS + "'", e);
    }
  }

  private static SSLContext serverContext(KeyStore store) throws IOException {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build a TLS context from the console certificate", e);
    }
  }

  private static Set<InetAddress> ipAddressesOf(X509Certificate certificate) {
    Set<InetAddress> found = new HashSet<>();
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return found;
      }
      for (List<?> name : names) {
        if (((Integer) name.get(0)) == IP_ADDRESS_SAN) {
          // A literal address: InetAddress parses it without asking DNS.
          found.add(InetAddress.getByName((String) name.get(1)));
        }
      }
    } catch (CertificateParsingException | IOException e) {
      LOG.log(System.Logger.Level.INFO, "cannot read the saved certificate's names: {0}",
          e.toString());
    }
    return found;
  }

  private static InetAddress withoutScope(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (IOException e) {
      throw new IllegalArgumentException("unusable address " + address, e);
    }
  }
}
