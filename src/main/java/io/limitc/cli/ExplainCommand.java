package io.limitc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.compile.CompiledJson;
import io.limitc.compile.CompiledLimit;
import io.limitc.compile.Origins;
import io.limitc.compile.explain.Ceilings;
import io.limitc.compile.explain.Explanation;
import io.limitc.compile.explain.MomentumExplainer;
import io.limitc.compile.explain.NginxExplainer;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.compile.nginx.NginxCompiler;
import io.limitc.emit.DiagnosticFormat;
import io.limitc.model.Dialect;
import io.limitc.syntax.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show every limit that applies to a Momentum delivery path or an nginx block, in lease-acquisition order.")
final class ExplainCommand implements Callable<Integer> {

    enum Format { text, json }

    private final Io io;

    @Option(names = "--binding", paramLabel = "B", description = "Momentum: the binding (default: ${DEFAULT-VALUE})",
            defaultValue = "default")
    String binding;

    @Option(names = "--domain", paramLabel = "D", description = "Momentum: the recipient domain")
    String domain;

    @Option(names = "--host", paramLabel = "MX", description = "Momentum: the MX host name")
    String host;

    @Option(names = "--at", paramLabel = "FILE:LINE", description = "nginx: the block that holds this line")
    String at;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    InputOptions input;

    ExplainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        // explain answers a question; only errors (which stop it) are worth printing here
        ReadResult read = CompileCommand.checked(input, io, DiagnosticFormat.SHORT, false);
        if (read == null) {
            io.err().println("limitc: cannot explain a configuration with errors: fix the errors above");
            return ExitCodes.FINDINGS;
        }
        Origins origins = new Origins(io.workingDirectory(), input.files.get(0).equals("-") ? null : Path.of(input.files.get(0)));
        Explanation explanation;
        List<String> readings = null;
        if (read.tree().dialect() == Dialect.NGINX) {
            if (at == null) throw new UsageException("nginx: give the block with --at FILE:LINE");
            int colon = at.lastIndexOf(':');
            int line;
            try {
                line = Integer.parseInt(at.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new UsageException("--at takes FILE:LINE, e.g. nginx.conf:42; got " + at);
            }
            String file = new io.limitc.syntax.SourceLoader(io.workingDirectory())
                    .display(io.workingDirectory().resolve(at.substring(0, colon)));
            NginxCompiler compiled = new NginxCompiler(read.tree(), input.context.id());
            List<NginxCompiler.Block> blocks = compiled.blocksAt(file, line);
            if (blocks.isEmpty()) throw new UsageException(at + " is not inside an http, server, location or stream block");
            explanation = NginxExplainer.explain(compiled, blocks.get(0), origins);
            if (blocks.size() > 1) readings = readings(compiled, blocks, origins);
        } else {
            if (domain == null) throw new UsageException("Momentum: give the path with --binding B --domain D [--host MX]");
            try {
                explanation = MomentumExplainer.explain(MomentumIndex.of(read.tree()), binding, domain, host, origins);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (format == Format.json) {
            ObjectNode json = json(explanation);
            if (readings != null) readings.forEach(json.putArray("readings")::add);
            io.out().print(CompiledJson.write(json));
        } else {
            io.out().print(text(explanation));
            if (readings != null) {
                io.out().println("note: this line is read in " + readings.size() + " blocks (its file is included "
                        + readings.size() + " times); explained above as read first. The compiled blocks: "
                        + String.join(", ", readings.size() > 5 ? readings.subList(0, 5) : readings)
                        + (readings.size() > 5 ? " and " + (readings.size() - 5) + " more" : ""));
            }
        }
        return ExitCodes.OK;
    }

    /** The compiled ids of the blocks that read the line, in reading order. */
    private static List<String> readings(NginxCompiler compiled, List<NginxCompiler.Block> blocks, Origins origins) {
        java.util.Map<NginxCompiler.Block, String> ids = compiled.ids(origins);
        List<String> out = new java.util.ArrayList<>();
        for (NginxCompiler.Block b : blocks) out.add(ids.get(b));
        return out;
    }

    static ObjectNode json(Explanation e) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("subject", e.subject());
        ArrayNode connection = root.putArray("connection_limits");
        for (Explanation.Entry entry : e.connection()) entry(connection.addObject(), entry, false);
        ArrayNode rates = root.putArray("rate_limits");
        for (Explanation.Entry entry : e.rates()) entry(rates.addObject(), entry, true);
        root.set("ceilings", Ceilings.of(e).json());
        return root;
    }

    private static void entry(ObjectNode n, Explanation.Entry entry, boolean rate) {
        CompiledLimit l = entry.limit();
        n.put("name", l.name());
        n.put("limit", l.limit());
        if (rate) n.put("rate", l.rate());
        ArrayNode key = n.putArray("key");
        l.key().forEach(key::add);
        n.put("scope", l.scope());
        n.put("cluster", l.cluster());
        n.put("dryRun", entry.dryRun());
        n.put("why", entry.why());
        CompiledJson.origin(n, l.origin());
    }

    static String text(Explanation e) {
        StringBuilder sb = new StringBuilder(e.subject()).append('\n');
        sb.append("connection limits, in lease-acquisition order:\n");
        if (e.connection().isEmpty()) sb.append("  none\n");
        for (Explanation.Entry entry : e.connection()) line(sb, entry, entry.limit().unlimited() ? "unlimited" : String.valueOf(entry.limit().limit()));
        sb.append("rate limits:\n");
        if (e.rates().isEmpty()) sb.append("  none\n");
        for (Explanation.Entry entry : e.rates()) line(sb, entry, entry.limit().rate());
        sb.append(Ceilings.of(e).render());
        return sb.toString();
    }

    private static void line(StringBuilder sb, Explanation.Entry entry, String value) {
        CompiledLimit l = entry.limit();
        sb.append(String.format("  %-10s %s%s%n", value, l.name(), l.cluster() ? " (cluster-wide)" : ""));
        sb.append("             per ").append(l.key().isEmpty() ? "scope (one shared counter)" : String.join(", ", l.key()))
                .append("; ").append(entry.why());
        if (l.origin() != null) sb.append("; ").append(l.origin().position());
        if (entry.dryRun()) sb.append("; dry run");
        sb.append('\n');
    }
}
