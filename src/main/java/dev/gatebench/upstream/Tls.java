package dev.gatebench.upstream;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The mock's certificate authority and its leaf certificate for the impersonated provider hosts.
 * Generated once per JVM on first use (EC P-256, fast) and shared by every mock in the JVM.
 */
final class Tls {

  /** Hosts the mock impersonates; CONNECT to any other host is refused. */
  static final List<String> PROVIDER_HOSTS = List.of("api.anthropic.com", "api.openai.com");

  private static final List<String> LEAF_DNS = List.of("api.anthropic.com", "api.openai.com", "localhost");
  private static final List<String> LEAF_IPS = List.of("127.0.0.1", "::1");
  private static final Duration VALIDITY = Duration.ofDays(365);

  private final Path caPem;
  private final SslContext serverContext;

  private Tls(Path caPem, SslContext serverContext) {
    this.caPem = caPem;
    this.serverContext = serverContext;
  }

  private static final class Holder {
    static final Tls INSTANCE = create();
  }

  /** The JVM-wide instance; the first call generates the keys and writes the CA file. */
  static Tls shared() {
    return Holder.INSTANCE;
  }

  Path caPem() {
    return caPem;
  }

  SslContext serverContext() {
    return serverContext;
  }

  private static Tls create() {
    try {
      KeyPair caKeys = ecKeys();
      X500Name caName = new X500Name("CN=gatebench mock upstream CA,O=gatebench");
      X509Certificate ca = caCertificate(caName, caKeys);
      KeyPair leafKeys = ecKeys();
      X509Certificate leaf = leafCertificate(caName, caKeys, ca, leafKeys);
      Path pem = writePem(ca);
      SslContext context = SslContextBuilder.forServer(leafKeys.getPrivate(), leaf, ca)
          .sslProvider(SslProvider.JDK)
          .applicationProtocolConfig(ApplicationProtocolConfig.DISABLED)
          .build();
      return new Tls(pem, context);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("mock upstream could not generate its TLS certificates: " + e, e);
    }
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(X500Name name, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder = builder(name, name, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate leafCertificate(X500Name issuer, KeyPair caKeys, X509Certificate ca, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    GeneralName[] names = new GeneralName[LEAF_DNS.size() + LEAF_IPS.size()];
    int i = 0;
    for (String dns : LEAF_DNS) names[i++] = new GeneralName(GeneralName.dNSName, dns);
    for (String ip : LEAF_IPS) names[i++] = new GeneralName(GeneralName.iPAddress, ip);
    X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=api.anthropic.com,O=gatebench"), keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
    return sign(builder, caKeys);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    var signerImpl = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signerImpl));
  }

  private static Path writePem(X509Certificate ca) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(ca);
    }
    Path file = Files.createTempFile("gatebench-mock-ca-", ".pem");
    file.toFile().deleteOnExit();
    try {
      Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the mock CA to " + file, e);
    }
    return file;
  }
}
