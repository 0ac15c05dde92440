package io.limitc.runtime.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real redis-server for one test class: the one on PATH (CI installs it), on a free
 * loopback port, without persistence. Stop and start it again to test outages.
 */
final class RedisServer implements AutoCloseable {

    final int port;
    private final java.util.List<String> extra;
    private Process process;

    RedisServer(String... extraArgs) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        extra = java.util.List.of(extraArgs);
        start();
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(binary, "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"));
        command.addAll(extra);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"+PONG".equals(command("PING"))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("redis-server did not start on " + port);
            Thread.sleep(20);
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** One inline command over a plain socket (independent of the client under test); the first reply line. */
    String command(String line) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') sb.append((char) c);
            return sb.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** ZCARD of a key (any bytes, NUL included), read independently of the store. */
    long zcard(String key) {
        return integer("ZCARD", key);
    }

    /** PTTL of a key in milliseconds (-2: no such key, -1: no expiry). */
    long pttl(String key) {
        return integer("PTTL", key);
    }

    /** A one-key command with an integer reply, the key sent as a bulk string. */
    private long integer(String command, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$" + command.length() + "\r\n" + command + "\r\n$" + k.length + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(k);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') sb.append((char) c);
            return Long.parseLong(sb.substring(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ZCARD once it reads {@code expected}, or after two seconds whatever it reads then: a release
     * is not waited for by its sender, so another connection sees it a moment later.
     */
    long awaitZcard(String key, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        long n;
        while ((n = zcard(key)) != expected && System.nanoTime() < deadline) Thread.sleep(5);
        return n;
    }

    /** A command whose reply is a bulk string (INFO, CLUSTER INFO): the reply text, read in one go. */
    String bulk(String command) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.setSoTimeout(1000);
            byte[] buffer = new byte[65536];
            int n = socket.getInputStream().read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The calls count of a command from INFO commandstats. */
    long calls(String command) {
        for (String line : bulk("INFO commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
