package io.limitc.runtime.redis;

import io.limitc.runtime.Acquisition;
import io.limitc.runtime.ClusterStore;
import io.limitc.runtime.Limiter;
import io.limitc.runtime.LimiterOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rediss://} against a real redis-server with TLS, its certificate signed by a
 * throwaway CA made at test time with the JDK's keytool (no key is ever committed).
 */
class RedisTlsTest {

    @TempDir
    static Path dir;

    static RedisServer redis;
    static int tlsPort;
    static Path ca;

    @BeforeAll
    static void start() throws Exception {
        ca = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=limitc test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", "secret");
        keytool("-exportcert", "-alias", "ca", "-rfc", "-file", "ca.pem", "-keystore", "ca.p12", "-storepass", "secret");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", "secret");
        keytool("-certreq", "-alias", "server", "-file", "server.csr", "-keystore", "server.p12", "-storepass", "secret");
        keytool("-gencert", "-alias", "ca", "-infile", "server.csr", "-outfile", "server.pem", "-rfc",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", "ca.p12", "-storepass", "secret");
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            server.load(in, "secret".toCharArray());
        }
        byte[] key = server.getKey("server", "secret".toCharArray()).getEncoded(); // PKCS#8
        Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key)
                + "\n-----END PRIVATE KEY-----\n");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tlsPort = s.getLocalPort();
        }
        // the plain port stays open for the test's own independent reads
        redis = new RedisServer("--tls-port", String.valueOf(tlsPort), "--tls-cert-file", dir.resolve("server.pem").toString(),
                "--tls-key-file", dir.resolve("server.key").toString(), "--tls-ca-cert-file", ca.toString(),
                "--tls-auth-clients", "no");
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) redis.close();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool " + String.join(" ", args) + ":\n" + output);
    }

    private String tlsUri() {
        return "rediss://127.0.0.1:" + tlsPort;
    }

    @Test
    void leasesAreTakenAndGivenBackOverTls() throws Exception {
        try (RedisStore store = RedisStore.connect(tlsUri(), Duration.ofSeconds(2), ca);
             InputStream in = Files.newInputStream(RedisStoreTest.COMPILED)) {
            Limiter limiter = Limiter.load(in, new LimiterOptions(false, store, LimiterOptions.FailurePolicy.DENY, 60_000));
            Acquisition a = limiter.acquire(RedisStoreTest.A);
            assertTrue(a.granted(), String.valueOf(a.rejection()));
            assertEquals(1, redis.zcard(RedisStoreTest.A_KEY), "the lease, read over the plain port");
            a.lease().close();
            assertEquals(0, redis.awaitZcard(RedisStoreTest.A_KEY, 0));
        }
    }

    @Test
    void aServerCertificateTheCaDidNotSignIsRefused() {
        // the JDK's own CAs did not sign the throwaway CA: the handshake fails and nothing connects
        ClusterStore.StoreException e = assertThrows(ClusterStore.StoreException.class,
                () -> RedisStore.connect(tlsUri(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("cannot reach Redis at " + tlsUri()), e.getMessage());
        assertTrue(e.getMessage().contains("certification path"), "the reason is given: " + e.getMessage());
    }

    @Test
    void aCaFileThatCannotBeReadIsNamed() {
        Path missing = dir.resolve("no-such-ca.pem");
        ClusterStore.StoreException e = assertThrows(ClusterStore.StoreException.class,
                () -> RedisStore.connect(tlsUri(), Duration.ofSeconds(2), missing));
        assertEquals("cannot read the Redis CA certificate " + missing, e.getMessage());
    }
}
