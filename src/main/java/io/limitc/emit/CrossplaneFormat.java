package io.limitc.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Directive;
import io.limitc.model.Severity;
import io.limitc.model.SourceFile;
import io.limitc.model.Value;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The parse as crossplane's JSON payload ({@code crossplane parse}), so pipelines built on
 * crossplane can switch: {@code status}, {@code errors}, and per file {@code file},
 * {@code status}, {@code errors}, {@code parsed[]} of {@code directive}, {@code line} (of
 * the directive's first word), {@code args} (unquoted), {@code includes}, {@code block}.
 * Where crossplane has a known bug, this follows nginx instead (see the README).
 */
public final class CrossplaneFormat {

    private CrossplaneFormat() {}

    public static void write(ConfigTree tree, List<Diagnostic> diagnostics, PrintStream out) {
        ObjectNode root = JsonFormat.Mapper.INSTANCE.createObjectNode();
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) errors.add(d);
        }
        root.put("status", errors.isEmpty() ? "ok" : "failed");
        ArrayNode all = root.putArray("errors");
        for (Diagnostic d : errors) {
            ObjectNode e = all.addObject();
            e.put("file", d.origin().file());
            e.put("line", d.origin().line());
            e.put("error", text(d));
        }
        ArrayNode configs = root.putArray("config");
        for (SourceFile file : tree.files()) {
            ObjectNode config = configs.addObject();
            config.put("file", file.path());
            List<Diagnostic> mine = errors.stream().filter(d -> d.origin().file().equals(file.path())).toList();
            config.put("status", mine.isEmpty() ? "ok" : "failed");
            ArrayNode fileErrors = config.putArray("errors");
            for (Diagnostic d : mine) {
                ObjectNode e = fileErrors.addObject();
                e.put("error", text(d));
                e.put("line", d.origin().line());
            }
            directives(config.putArray("parsed"), file.directives());
        }
        try {
            out.println(JsonFormat.Mapper.INSTANCE.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Diagnostic d) {
        return d.message() + " in " + d.origin().file() + ":" + d.origin().line();
    }

    private static void directives(ArrayNode out, List<Directive> directives) {
        for (Directive d : directives) {
            ObjectNode n = out.addObject();
            n.put("directive", d.name());
            n.put("line", d.nameAt().line());
            ArrayNode args = n.putArray("args");
            for (String a : args(d)) args.add(a);
            if (d.name().equals("include")) {
                ArrayNode includes = n.putArray("includes");
                for (int i : d.includes()) includes.add(i);
            }
            if (d.hasBlock()) directives(n.putArray("block"), d.block());
        }
    }

    /** Arguments as text; `if` loses its outer parentheses, as crossplane does. */
    private static List<String> args(Directive d) {
        List<String> args = new ArrayList<>();
        for (Value v : d.args()) args.add(v instanceof Value.Scalar s ? s.text() : v.toString());
        if (d.name().equals("if") && !args.isEmpty() && args.get(0).startsWith("(")
                && args.get(args.size() - 1).endsWith(")")) {
            args.set(0, args.get(0).substring(1));
            int last = args.size() - 1;
            args.set(last, args.get(last).substring(0, args.get(last).length() - 1));
            args.removeIf(String::isEmpty);
        }
        return args;
    }
}
