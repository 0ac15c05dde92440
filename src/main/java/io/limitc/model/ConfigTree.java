package io.limitc.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A whole configuration: every file read (each once, however often it is included) and
 * the root files in the order given, which are read as one configuration, one after
 * the other at the top level. Immutable; a record in all but one thing: the reading order
 * is laid out flat once, on the first {@link #walk} (or lookup by name), for every walk and
 * lookup after it.
 */
public final class ConfigTree {

    private final Dialect dialect;
    private final List<SourceFile> files;
    private final List<Integer> roots;
    /** Every statement in reading order with its depth (how many blocks enclose it); built once. */
    private volatile ReadingOrder order;

    public ConfigTree(Dialect dialect, List<SourceFile> files, List<Integer> roots) {
        this.dialect = dialect;
        this.files = List.copyOf(files);
        this.roots = List.copyOf(roots);
    }

    public Dialect dialect() {
        return dialect;
    }

    public List<SourceFile> files() {
        return files;
    }

    public List<Integer> roots() {
        return roots;
    }

    /**
     * Receives each statement with the blocks that enclose it, outermost first. The list
     * is a read-only view that is valid only during the call: copy it to keep it.
     */
    @FunctionalInterface
    public interface Visitor {
        void visit(Directive directive, List<Directive> enclosing);
    }

    /**
     * Visits every statement in reading order, descending into blocks and into included
     * files in place (the include statement itself is visited first). The loader never
     * records a cyclic include, so the walk ends. A configuration is walked by every check:
     * after the first walk each one is a loop over two arrays.
     */
    public void walk(Visitor visitor) {
        ReadingOrder o = readingOrder();
        List<Directive> enclosing = new ArrayList<>();
        List<Directive> view = java.util.Collections.unmodifiableList(enclosing);
        Directive[] statements = o.statements;
        int[] depths = o.depths;
        for (int i = 0; i < statements.length; i++) {
            int depth = depths[i];
            while (enclosing.size() > depth) enclosing.remove(enclosing.size() - 1);
            Directive d = statements[i];
            visitor.visit(d, view);
            if (d.hasBlock()) enclosing.add(d);
        }
    }

    /**
     * As {@link Visitor}, with places: a statement's place is its index in the reading order,
     * and {@code blockPlace} is the place of the block that encloses it (-1 at the top). A
     * file included twice is read twice, so its statements have a place for each reading, as
     * nginx makes a new configuration level for each reading of a block.
     */
    @FunctionalInterface
    public interface PlacedVisitor {
        void visit(Directive directive, List<Directive> enclosing, int place, int blockPlace);
    }

    /**
     * {@link #walk(Visitor)} with each statement's place and its block's. (The same loop, not one
     * calling the other through a lambda: bin/limitc's C1 would pay a call per statement per walk.)
     */
    public void walkPlaced(PlacedVisitor visitor) {
        ReadingOrder o = readingOrder();
        List<Directive> enclosing = new ArrayList<>();
        List<Directive> view = java.util.Collections.unmodifiableList(enclosing);
        Directive[] statements = o.statements;
        int[] depths = o.depths;
        int[] blocks = o.blocks;
        for (int i = 0; i < statements.length; i++) {
            int depth = depths[i];
            while (enclosing.size() > depth) enclosing.remove(enclosing.size() - 1);
            Directive d = statements[i];
            visitor.visit(d, view, i, blocks[i]);
            if (d.hasBlock()) enclosing.add(d);
        }
    }

    /** How many places the reading order has: every statement, once for each time it is read. */
    public int places() {
        return readingOrder().statements.length;
    }

    /** The place of the block that encloses the statement at {@code place}, or -1 at the top. */
    public int blockPlace(int place) {
        return readingOrder().blocks[place];
    }

    /**
     * The statements named {@code name} (as {@link Directive#name()} spells it), in reading
     * order: for a check that looks at a few directives, a lookup instead of a walk over all.
     */
    public List<Directive> named(String name) {
        ReadingOrder o = readingOrder();
        int[] at = o.byName.get(name);
        if (at == null) return List.of();
        Directive[] statements = o.statements;
        Directive[] found = new Directive[at[0]];
        for (int i = 0; i < found.length; i++) found[i] = statements[at[i + 1]];
        return java.util.Arrays.asList(found);
    }

    /** Every statement name the configuration uses. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(readingOrder().byName.keySet());
    }

    /** The statements no block encloses (included files' too, where they are included at the top), in reading order. */
    public List<Directive> topLevel() {
        ReadingOrder o = readingOrder();
        List<Directive> top = new ArrayList<>();
        for (int i = 0; i < o.statements.length; i++) if (o.depths[i] == 0) top.add(o.statements[i]);
        return top;
    }

    private ReadingOrder readingOrder() {
        ReadingOrder o = order;
        if (o == null) {
            synchronized (this) {
                o = order;
                if (o == null) order = o = lay();
            }
        }
        return o;
    }

    /**
     * {@code byName}: per statement name, how many there are, then their indexes in {@code
     * statements} (the array may run on past them). {@code blocks}: the place of each
     * statement's enclosing block, -1 at the top.
     */
    private record ReadingOrder(Directive[] statements, int[] depths, int[] blocks, java.util.Map<String, int[]> byName) {}

    /** The reading order, walked once with a stack: iterative, so deep nesting cannot overflow it. */
    private ReadingOrder lay() {
        List<Directive> statements = new ArrayList<>();
        int[] depths = new int[1024];
        int[] blocks = new int[1024];
        // the places of the open blocks, innermost last
        int[] open = new int[64];
        java.util.Map<String, int[]> byName = new java.util.HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        int depth = 0;
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new Frame(files.get(roots.get(i)).directives(), false));
        }
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next >= frame.statements.size()) {
                stack.pop();
                if (frame.closes) depth--;
                continue;
            }
            Directive d = frame.statements.get(frame.next++);
            int index = statements.size();
            if (index == depths.length) {
                depths = java.util.Arrays.copyOf(depths, depths.length * 2);
                blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
            }
            depths[index] = depth;
            blocks[index] = depth == 0 ? -1 : open[depth - 1];
            statements.add(d);
            // the directive is in the cache now: its name costs nothing more than the lookup
            int[] at = byName.get(d.name());
            if (at == null || at[0] + 1 == at.length) {
                at = at == null ? new int[4] : java.util.Arrays.copyOf(at, at.length * 2);
                byName.put(d.name(), at);
            }
            at[++at[0]] = index;
            if (d.hasBlock()) {
                if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
                open[depth++] = index;
                stack.push(new Frame(d.block(), true));
            }
            for (int i = d.includes().size() - 1; i >= 0; i--) {
                stack.push(new Frame(files.get(d.includes().get(i)).directives(), false));
            }
        }
        int n = statements.size();
        return new ReadingOrder(statements.toArray(Directive[]::new), java.util.Arrays.copyOf(depths, n),
                java.util.Arrays.copyOf(blocks, n), byName);
    }

    /** Finds the file a display path names. */
    public SourceFile file(String path) {
        for (SourceFile f : files) {
            if (f.path().equals(path)) return f;
        }
        return null;
    }

    private static final class Frame {
        final List<Directive> statements;
        final boolean closes;
        int next;

        Frame(List<Directive> statements, boolean closes) {
            this.statements = statements;
            this.closes = closes;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigTree t && dialect == t.dialect && files.equals(t.files) && roots.equals(t.roots);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dialect, files, roots);
    }

    @Override
    public String toString() {
        return "ConfigTree[dialect=" + dialect + ", files=" + files + ", roots=" + roots + "]";
    }
}
