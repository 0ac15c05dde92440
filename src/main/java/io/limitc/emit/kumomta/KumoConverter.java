package io.limitc.emit.kumomta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.limitc.compile.momentum.MomentumIndex;
import io.limitc.model.ConfigTree;
import io.limitc.model.Origin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code limitc convert --to kumomta}: a Momentum configuration as KumoMTA shaping.toml,
 * sources.toml and policy.lua, with a report of every option. The TOML it writes is read
 * back and checked against KumoMTA's rules before anything is kept.
 */
public final class KumoConverter {

    public static final String SHAPING = "shaping.toml";
    public static final String SOURCES = "sources.toml";
    public static final String POLICY = "policy.lua";

    /** The files to write, by name, and the report (also among the files). */
    public record Result(Map<String, String> files, ConversionReport report, List<String> problems) {}

    private KumoConverter() {}

    public static Result convert(ConfigTree tree, KumoConversion.Options options, Function<Origin, Origin> relative,
                                 String inputs, boolean jsonReport) {
        MomentumIndex index = MomentumIndex.of(tree);
        KumoConversion c = KumoConversion.of(index, options);
        String header = "written by limitc convert from " + inputs + " (re-run it rather than edit)";
        Function<PathParams.Entry, String> origin = e -> e.from() == null ? "Momentum's default"
                : where(relative.apply(e.from().written().nameAt())) + " " + e.from().option().name();
        Function<io.limitc.model.Directive, String> directiveOrigin = d -> where(relative.apply(d.nameAt())) + " " + d.key();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SHAPING, ShapingWriter.write(c, origin, SHAPING + ": " + header));
        files.put(SOURCES, SourcesWriter.write(c, directiveOrigin, SOURCES + ": " + header));
        files.put(POLICY, PolicyWriter.write(c, origin, POLICY + ": " + header));
        ConversionReport report = ConversionReport.of(tree, index, c, relative);
        if (jsonReport) {
            files.put("conversion-report.json", io.limitc.compile.CompiledJson.write(report.json()));
        } else {
            files.put("conversion-report.md", report.markdown("Momentum to KumoMTA: conversion report for " + inputs));
        }
        return new Result(files, report, verify(files));
    }

    private static String where(Origin o) {
        return (o.file() + ":" + o.line()).replace('\n', ' ');
    }

    /** Reads each TOML file back and applies KumoMTA's rules; empty when all is well. */
    static List<String> verify(Map<String, String> files) {
        List<String> problems = new ArrayList<>();
        TomlMapper toml = new TomlMapper();
        for (String name : List.of(SHAPING, SOURCES)) {
            JsonNode root;
            try {
                root = toml.readTree(files.get(name));
            } catch (IOException e) {
                problems.add(name + ": not valid TOML: " + e.getMessage());
                continue;
            }
            List<KumoChecker.Problem> found = name.equals(SHAPING) ? KumoChecker.checkShaping(root) : KumoChecker.checkSources(root);
            for (KumoChecker.Problem p : found) {
                if (p.error()) problems.add(name + ": " + p.path() + ": " + p.message());
            }
        }
        return problems;
    }
}
