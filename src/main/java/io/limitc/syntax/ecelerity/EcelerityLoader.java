package io.limitc.syntax.ecelerity;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Dialect;
import io.limitc.model.Origin;
import io.limitc.model.SourceFile;
import io.limitc.syntax.IncludeChain;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.SourceLoader.Input;
import io.limitc.model.ReadingRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a Momentum configuration and everything it includes (ecelerity.md §1.6):
 * {@code include} and {@code readonly_include} in any scope, of a file or a directory
 * (its non-hidden files in alphabetical order, no recursion); a relative path is looked
 * up beside the including file first, then on the search path. Each file is parsed once
 * however often it is included; a cycle is reported with its chain and not followed.
 */
public final class EcelerityLoader {

    private final SourceLoader sources;
    private final List<Path> searchPath;
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<Path, Integer> indexByPath = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final IncludeChain chain = new IncludeChain();

    public EcelerityLoader(SourceLoader sources, List<Path> searchPath) {
        this.sources = sources;
        this.searchPath = List.copyOf(searchPath);
    }

    /**
     * Reads the inputs as one configuration, in order.
     *
     * @throws IOException when an input itself cannot be read (a usage problem, not a finding)
     */
    public ReadResult load(List<Input> inputs) throws IOException {
        List<Integer> roots = new ArrayList<>();
        for (Input input : inputs) {
            if (input.path() == null) {
                roots.add(parse(null, input.display(), input.text(), null));
            } else {
                Path key = IncludeChain.identity(input.path());
                Integer known = indexByPath.get(key);
                roots.add(known != null ? known : parse(key, input.display(), sources.read(input.path(), input.display(), diagnostics), null));
            }
        }
        return new ReadResult(new ConfigTree(Dialect.ECELERITY, files, roots), List.copyOf(diagnostics));
    }

    private int parse(Path path, String display, String text, Origin includedAt) {
        int index = files.size();
        files.add(null); // reserved: included files take later indexes
        if (path != null) indexByPath.put(path, index);
        chain.enter(path, display, includedAt);
        Path dir = path == null ? sources.base() : path.getParent();
        EcelerityFileParser.Result parsed = EcelerityFileParser.parse(display, text,
                (included, at) -> resolve(dir, included, at));
        chain.leave();
        files.set(index, new SourceFile(display, Dialect.ECELERITY, text, parsed.directives(), parsed.comments()));
        diagnostics.addAll(parsed.diagnostics());
        return index;
    }

    private List<Integer> resolve(Path dir, String included, Origin at) {
        try {
            return resolvePath(dir, included, at);
        } catch (InvalidPathException e) {
            // a NUL byte in the path (found by fuzzing): a diagnostic, not an internal error
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at, SourceLoader.invalidPath(included, e)));
            return List.of();
        }
    }

    private List<Integer> resolvePath(Path dir, String included, Origin at) {
        Path target = locate(dir, included);
        if (target == null) {
            List<String> looked = new ArrayList<>();
            if (Path.of(included).isAbsolute()) {
                looked.add(included);
            } else {
                looked.add(sources.display(dir.resolve(included)));
                for (Path p : searchPath) looked.add(sources.display(p.resolve(included)));
            }
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "included path \"" + included + "\" does not exist (looked for " + String.join(", ", looked) + ")",
                    Path.of(included).isAbsolute() ? null : "add the directory that holds it with --include-path DIR"));
            return List.of();
        }
        if (Files.isDirectory(target)) {
            List<Integer> read = new ArrayList<>();
            for (Path f : directoryFiles(target, at)) {
                Integer i = include(f, at);
                if (i != null) read.add(i);
            }
            return read;
        }
        Integer i = include(target, at);
        return i == null ? List.of() : List.of(i);
    }

    private Integer include(Path file, Origin at) {
        Path key = IncludeChain.identity(file);
        String cycle = chain.cycle(key, at);
        if (cycle != null) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_CYCLE, at, cycle));
            return null;
        }
        Integer known = indexByPath.get(key);
        if (known != null) return known;
        String text;
        try {
            text = sources.read(file, sources.display(file), diagnostics);
        } catch (IOException | UncheckedIOException e) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "cannot read included file " + sources.display(file) + ": "
                            + (e instanceof IOException && !(e instanceof java.nio.file.AccessDeniedException)
                            && e.getMessage() != null && e.getMessage().startsWith("is ") ? "it " + e.getMessage() : reason(e))));
            return null;
        }
        return parse(key, sources.display(file), text, at);
    }

    private Path locate(Path dir, String included) {
        Path p = Path.of(included);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        Path local = dir.resolve(p);
        if (Files.exists(local)) return local;
        for (Path search : searchPath) {
            Path candidate = search.resolve(p);
            if (Files.exists(candidate)) return candidate;
        }
        return null;
    }

    private List<Path> directoryFiles(Path dir, Origin at) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "cannot list included directory " + sources.display(dir) + ": " + reason(e)));
            return List.of();
        }
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String m = t.getMessage();
        return t.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT) + (m == null ? "" : " (" + m + ")");
    }
}
