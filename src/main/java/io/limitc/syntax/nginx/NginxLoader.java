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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Reads an nginx configuration and its includes as nginx does (nginx.md §1.10): a relative
 * path is resolved against the directory of the main configuration file (not the including
 * file); a path with {@code * ? [} is a glob whose matches are read in sorted order, and
 * which may match nothing; an explicit path that does not exist is an error. nginx has no
 * cycle detection (it crashes); here a cycle is reported with its chain and not followed.
 *
 * <p>Files are parsed on their own and their includes resolved afterwards, on this thread,
 * in reading order: file indexes, diagnostics and cycle chains are the same as a one-pass
 * reading. That lets the files a glob matches ({@code include sites/*.conf}, hundreds on a
 * hosting server) be parsed side by side while they are taken in order.
 */
public final class NginxLoader {

    private final SourceLoader sources;
    private final List<Path> searchPath;
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<Path, Integer> indexByPath = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final IncludeChain chain = new IncludeChain();
    /** Where each plain (not glob) include path led, and that file's identity: a snippet included by every server is looked up once. */
    private final Map<String, Path[]> resolvedPaths = new HashMap<>();
    /** Files a glob matched, being parsed ahead on {@link #pool}, by identity. */
    private final Map<Path, FutureTask<Parsed>> ahead = new HashMap<>();
    /** The tasks given to the pool, in order; this thread takes some from the end while it waits. */
    private final List<FutureTask<Parsed>> unclaimed = new ArrayList<>();
    private ExecutorService pool;
    private final boolean parseAhead;
    private Path prefix;

    /** A file read and parsed, its includes not yet resolved. */
    private record Parsed(String text, NginxFileParser.Result result, List<Diagnostic> readProblems) {}

    /** @param searchPath directories tried after the configuration prefix (a limitc extension) */
    public NginxLoader(SourceLoader sources, List<Path> searchPath) {
        this(sources, searchPath, true);
    }

    /** {@code parseAhead} false: every file parsed when it is reached (tests compare both ways). */
    NginxLoader(SourceLoader sources, List<Path> searchPath, boolean parseAhead) {
        this.sources = sources;
        this.searchPath = List.copyOf(searchPath);
        this.parseAhead = parseAhead;
    }

    public ReadResult load(List<Input> inputs) throws IOException {
        try {
            return loadAll(inputs);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** The include directive nginx reads: {@code include PATH;} (anything else is reported by the checks). */
    static boolean isInclude(String name, List<io.limitc.model.Value> args) {
        return name.equals("include") && args.size() == 1;
    }

    private ReadResult loadAll(List<Input> inputs) throws IOException {
        List<Integer> roots = new ArrayList<>();
        for (Input input : inputs) {
            if (prefix == null) {
                prefix = input.path() == null ? sources.base() : input.path().toAbsolutePath().normalize().getParent();
            }
            if (input.path() == null) {
                roots.add(add(null, input.display(), parse(input.display(), input.text(), List.of()), null));
            } else {
                Path key = IncludeChain.identity(input.path());
                Integer known = indexByPath.get(key);
                roots.add(known != null ? known : add(key, input.display(), read(input.path(), input.display()), null));
            }
        }
        return new ReadResult(new ConfigTree(Dialect.NGINX, files, roots), List.copyOf(diagnostics));
    }

    private Parsed read(Path file, String display) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        String text = sources.read(file, display, problems);
        return parse(display, text, problems);
    }

    private static Parsed parse(String display, String text, List<Diagnostic> readProblems) {
        return new Parsed(text, NginxFileParser.parse(display, text), readProblems);
    }

    /** Gives a parsed file its index (before the files it includes, as it is read first) and resolves its includes. */
    private int add(Path path, String display, Parsed parsed, Origin includedAt) {
        int index = files.size();
        files.add(null);
        diagnostics.addAll(parsed.readProblems());
        chain.enter(path, display, includedAt);
        List<Directive> directives = withIncludes(parsed.result().directives(), parsed.result().includeHolders());
        chain.leave();
        files.set(index, new SourceFile(display, Dialect.NGINX, parsed.text(), directives, parsed.result().comments()));
        if (path != null) indexByPath.put(path, index);
        diagnostics.addAll(parsed.result().diagnostics());
        return index;
    }

    /**
     * {@code statements} with every include given the files it read; the same list when there is
     * none. Only the blocks the parser saw an include in are looked into.
     */
    private List<Directive> withIncludes(List<Directive> statements, java.util.Set<Directive> holders) {
        List<Directive> out = null;
        for (int i = 0; i < statements.size(); i++) {
            Directive d = statements.get(i);
            Directive resolved = d;
            if (isInclude(d.name(), d.args())) {
                List<Integer> read = resolve(((io.limitc.model.Value.Scalar) d.args().get(0)).text(), d);
                resolved = new Directive(d.name(), d.key(), d.nameAt(), d.args(), false, null, null, d.origin(), read);
            } else if (d.hasBlock() && holders.contains(d)) {
                List<Directive> block = withIncludes(d.block(), holders);
                if (block != d.block()) {
                    resolved = new Directive(d.name(), d.key(), d.nameAt(), d.args(), d.assigned(), block, d.opening(),
                            d.origin(), d.includes());
                }
            }
            if (resolved != d && out == null) out = new ArrayList<>(statements.subList(0, i));
            if (out != null) out.add(resolved);
        }
        return out == null ? statements : out;
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
            if (parseAhead && matches.size() > 1) parseAhead(matches);
            for (Path f : matches) {
                Integer i = include(f, at);
                if (i != null) read.add(i);
            }
            return read;
        }
        Path[] known = resolvedPaths.get(pattern);
        if (known != null) {
            Integer i = include(known[0], known[1], at);
            return i == null ? List.of() : List.of(i);
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
        Path key = IncludeChain.identity(target);
        resolvedPaths.put(pattern, new Path[] {target, key});
        Integer i = include(target, key, at);
        if (i != null) read.add(i);
        return read;
    }

    private Integer include(Path file, Origin at) {
        return include(file, IncludeChain.identity(file), at);
    }

    private Integer include(Path file, Path key, Origin at) {
        String cycle = chain.cycle(key, at);
        if (cycle != null) {
            diagnostics.add(Diagnostic.of(ReadingRules.INCLUDE_CYCLE, at, cycle,
                    "nginx itself crashes on this (segmentation fault, no message)"));
            return null;
        }
        Integer known = indexByPath.get(key);
        if (known != null) return known;
        try {
            return add(key, sources.display(file), parsedAhead(key, file), at);
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

    /**
     * Starts parsing the files a glob matched on other threads; {@link #parsedAhead} takes them
     * in order. Only text and parse happen there: includes are resolved here, afterwards.
     */
    private void parseAhead(List<Path> matches) {
        if (pool == null) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1); // this thread parses too
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "limitc-nginx-reader");
                t.setDaemon(true);
                return t;
            });
        }
        for (Path f : matches) {
            Path key = IncludeChain.identity(f);
            if (indexByPath.containsKey(key) || ahead.containsKey(key)) continue;
            FutureTask<Parsed> task = new FutureTask<>(() -> read(f, sources.display(f)));
            ahead.put(key, task);
            unclaimed.add(task);
            pool.execute(task);
        }
    }

    /** The file parsed: by a thread that started on it already, else here and now. */
    private Parsed parsedAhead(Path key, Path file) throws IOException {
        FutureTask<Parsed> task = ahead.remove(key);
        if (task == null) return read(file, sources.display(file));
        task.run(); // does nothing when a pool thread has it
        // Rather than wait for it, parse files the pool has not reached yet, from the far end:
        // the pool works from the front, so this thread and the pool meet in the middle.
        while (!task.isDone() && !unclaimed.isEmpty()) unclaimed.remove(unclaimed.size() - 1).run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("was interrupted while being read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
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
