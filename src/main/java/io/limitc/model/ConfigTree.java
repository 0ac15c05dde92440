package io.limitc.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A whole configuration: every file read (each once, however often it is included) and
 * the root files in the order given, which are read as one configuration, one after
 * the other at the top level.
 */
public record ConfigTree(Dialect dialect, List<SourceFile> files, List<Integer> roots) {

    public ConfigTree {
        files = List.copyOf(files);
        roots = List.copyOf(roots);
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
     * records a cyclic include, so the walk ends.
     */
    public void walk(Visitor visitor) {
        // Iterative, so a deeply nested configuration cannot overflow the stack here.
        Deque<Frame> stack = new ArrayDeque<>();
        List<Directive> enclosing = new ArrayList<>();
        List<Directive> view = java.util.Collections.unmodifiableList(enclosing);
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new Frame(files.get(roots.get(i)).directives(), 0));
        }
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next >= frame.statements.size()) {
                stack.pop();
                if (frame.closes) enclosing.remove(enclosing.size() - 1);
                continue;
            }
            Directive d = frame.statements.get(frame.next++);
            visitor.visit(d, view);
            if (d.hasBlock()) {
                enclosing.add(d);
                stack.push(new Frame(d.block(), enclosing.size()));
            }
            for (int i = d.includes().size() - 1; i >= 0; i--) {
                stack.push(new Frame(files.get(d.includes().get(i)).directives(), 0));
            }
        }
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

        Frame(List<Directive> statements, int depth) {
            this.statements = statements;
            this.closes = depth > 0;
        }
    }
}
