package io.limitc.syntax.nginx;

import io.limitc.model.ConfigTree;
import io.limitc.model.Diagnostic;
import io.limitc.model.Dialect;
import io.limitc.model.Directive;
import io.limitc.model.Origin;
import io.limitc.model.ReadingRules;
import io.limitc.model.SourceFile;
import io.limitc.syntax.IncludeChain;
import io.limitc.syntax.ReadResult;
import io.limitc.syntax.SourceLoader;
import io.limitc.syntax.SourceLoader.Input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an nginx configuration and its includes as nginx does (nginx.md §1.10): a relative
 * path is resolved against the directory of the main configuration file (not the including
 * file); a path with {@code * ? [} is a glob whose matches are read in sorted order, and
 * which may match nothing; an explicit path that does not exist is an error. nginx has no
 * cycle detection (it crashes); here a cycle is reported with its chain and not followed.
 */
public final class NginxLoader {

    private final SourceLoader sources;
    private final List<Path> searchPath;
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<Path, Integer> indexByPath = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final IncludeChain chain = new IncludeChain();
    private Path prefix;

    /** @param searchPath directories tried after the configuration prefix (a limitc extension) */
    public NginxLoader(SourceLoader sources, List<Path> searchPath) {
        this.sources = sources;
        this.searchPath = List.copyOf(searchPath);
    }

    public ReadResult load(List<Input> inputs) throws IOException {
        List<Integer> roots = new ArrayList<>();
        for (Input input : inputs) {
            if (prefix == null) {
                prefix = input.path() == null ? sources.base() : input.path().toAbsolutePath().normalize().getParent();
            }
            if (input.path() == null) {
                roots.add(parse(null, input.display(), input.text(), null));
            } else {
                Path key = IncludeChain.identity(input.path());
                Integer known = indexByPath.get(key);
                roots.add(known != null ? known : parse(key, input.display(), sources.read(input.path(), input.display(), diagnostics), null));
            }
        }
        return new ReadResult(new ConfigTree(Dialect.NGINX, files, roots), List.copyOf(diagnostics));
    }

    private int parse(Path path, String display, String text, Origin includedAt) {
        int index = files.size();
        files.add(null);
        chain.enter(path, display, includedAt);
        NginxFileParser.Result parsed = NginxFileParser.parse(display, text, this::resolve);
        chain.leave();
        files.set(index, new SourceFile(display, Dialect.NGINX, text, parsed.directives(), parsed.comments()));
        if (path != null) indexByPath.put(path, index);
        diagnostics.addAll(parsed.diagnostics());
        return index;
    }

    private List<Integer> resolve(String pattern, Directive include) {
        Origin at = NginxPositions.reported(include, include.args().get(0).origin());
        try {
            return resolvePath(pattern, at);
        } catch (InvalidPathException e) {
            // a NUL byte in the path (found by fuzzing): a diagnostic, not an internal error
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at, SourceLoader.invalidPath(pattern, e)));
            return List.of();
        }
    }

    private List<Integer> resolvePath(String pattern, Origin at) {
        Path full = prefix.resolve(pattern).normalize();
        List<Integer> read = new ArrayList<>();
        if (pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
            List<Path> matches;
            try {
                matches = glob(full);
            } catch (java.util.regex.PatternSyntaxException e) {
                // an unclosed "[" or "{" (found by fuzzing): a diagnostic, not an internal error
                diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                        "include pattern \"" + pattern + "\" is not a valid glob: " + e.getDescription()));
                return read;
            }
            for (Path f : matches) {
                Integer i = include(f, at);
                if (i != null) read.add(i);
            }
            return read;
        }
        Path target = full;
        if (!Files.exists(target) && !Path.of(pattern).isAbsolute()) {
            for (Path dir : searchPath) {
                Path candidate = dir.resolve(pattern);
                if (Files.exists(candidate)) {
                    target = candidate;
                    break;
                }
            }
        }
        if (!Files.exists(target) || Files.isDirectory(target)) {
            String why = Files.isDirectory(target) ? "21: Is a directory" : "2: No such file or directory";
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "open() \"" + full + "\" failed (" + why + ")",
                    "relative includes are resolved against " + prefix + ", the directory of the main file"));
            return read;
        }
        Integer i = include(target, at);
        if (i != null) read.add(i);
        return read;
    }

    private Integer include(Path file, Origin at) {
        Path key = IncludeChain.identity(file);
        String cycle = chain.cycle(key, at);
        if (cycle != null) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_CYCLE, at, cycle,
                    "nginx itself crashes on this (segmentation fault, no message)"));
            return null;
        }
        Integer known = indexByPath.get(key);
        if (known != null) return known;
        try {
            return parse(key, sources.display(file), sources.read(file, sources.display(file), diagnostics), at);
        } catch (java.nio.file.AccessDeniedException e) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "open() \"" + file + "\" failed (13: Permission denied)"));
            return null;
        } catch (IOException | UncheckedIOException e) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_NOT_FOUND, at,
                    "cannot read included file " + sources.display(file) + ": it " + e.getMessage()));
            return null;
        }
    }

    /** POSIX glob: sorted, "*" never crosses "/", names starting with "." need an explicit ".". */
    private static List<Path> glob(Path pattern) {
        Path root = pattern.getRoot();
        Path base = root;
        int firstGlob = 0;
        for (; firstGlob < pattern.getNameCount(); firstGlob++) {
            String part = pattern.getName(firstGlob).toString();
            if (part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) break;
            base = base.resolve(part);
        }
        int depth = pattern.getNameCount() - firstGlob;
        int globFrom = firstGlob;
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toString().replace("\\", "\\\\"));
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(p -> p.getNameCount() == pattern.getNameCount())
                    .filter(matcher::matches)
                    .filter(p -> !hiddenUnlessAsked(p, pattern, globFrom))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> a.toString().compareTo(b.toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean hiddenUnlessAsked(Path p, Path pattern, int from) {
        for (int i = from; i < p.getNameCount(); i++) {
            if (p.getName(i).toString().startsWith(".") && !pattern.getName(i).toString().startsWith(".")) return true;
        }
        return false;
    }
}
