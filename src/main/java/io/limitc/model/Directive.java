package io.limitc.model;

import java.util.List;
import java.util.Locale;

/**
 * One statement of either dialect: a Momentum option or stanza, an nginx directive or
 * block. A Momentum stanza {@code Binding "b1" { ... }} is name {@code Binding}, args
 * {@code ["b1"]} and a block; an option {@code Max_Outbound_Connections = 4} is name,
 * args {@code [4]}, {@code assigned} and no block.
 *
 * <p>An include directive keeps its own place in the tree; {@code includes} lists the
 * indexes (into {@link ConfigTree#files()}) of the files it read, in reading order, so
 * the tree stays per file while walks see the included statements in place.
 *
 * <p>A record in all but layout: a large configuration holds hundreds of thousands of these,
 * so the whole statement's span, which starts where its keyword does, is kept as its end
 * only (no Origin object of its own), and {@link #origin()} makes one when asked.
 *
 * @param name      the keyword as written (case kept for converters and messages)
 * @param key       the keyword lower-cased: both dialects match keywords case-insensitively
 * @param nameAt    where the keyword is
 * @param args      the values after the keyword
 * @param assigned  written with {@code =}
 * @param block     the statements inside braces, or {@code null} when there is no block
 * @param opening   where the block's "{" is (nginx reports block directives at that line), or null
 * @param origin    the whole statement, keyword to closing brace or last value
 * @param includes  files read by an include directive, empty otherwise
 */
public final class Directive {

    private final String name;
    private final String key;
    private final Origin nameAt;
    private final List<Value> args;
    private final boolean assigned;
    private final List<Directive> block;
    private final Origin opening;
    private final List<Integer> includes;
    /** Where the statement ends; it starts at {@link #nameAt}. */
    private final int endLine;
    private final int endColumn;
    /** The statement's span when it does not start at its keyword (no parser makes one so today). */
    private final Origin unusualOrigin;

    public Directive(String name, String key, Origin nameAt, List<Value> args, boolean assigned,
                     List<Directive> block, Origin opening, Origin origin, List<Integer> includes) {
        this(name, key, nameAt, args, assigned, block, opening, origin.endLine(), origin.endColumn(),
                java.util.Objects.equals(origin.file(), nameAt.file()) && origin.line() == nameAt.line()
                        && origin.column() == nameAt.column() ? null : origin, includes);
    }

    /**
     * A statement that starts at its keyword and ends at {@code endLine:endColumn}: what a
     * parser knows when it closes one, without an Origin of the whole to make and drop.
     */
    public Directive(String name, String key, Origin nameAt, List<Value> args, boolean assigned,
                     List<Directive> block, Origin opening, int endLine, int endColumn, List<Integer> includes) {
        this(name, key, nameAt, args, assigned, block, opening, endLine, endColumn, null, includes);
    }

    private Directive(String name, String key, Origin nameAt, List<Value> args, boolean assigned, List<Directive> block,
                      Origin opening, int endLine, int endColumn, Origin unusualOrigin, List<Integer> includes) {
        // checked where assertions run (every test): parsers derive thousands of keys per file
        assert key.equals(name.toLowerCase(Locale.ROOT)) : "key must be the lower-cased name: " + name + " / " + key;
        this.name = name;
        this.key = key;
        this.nameAt = nameAt;
        this.args = List.copyOf(args);
        this.assigned = assigned;
        this.block = block == null ? null : List.copyOf(block);
        this.opening = opening;
        this.includes = List.copyOf(includes);
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.unusualOrigin = unusualOrigin;
    }

    /** Derives {@link #key()}: the keyword lower-cased, as both dialects match keywords. */
    public Directive(String name, Origin nameAt, List<Value> args, boolean assigned, List<Directive> block,
                     Origin opening, Origin origin, List<Integer> includes) {
        this(name, name.toLowerCase(Locale.ROOT), nameAt, args, assigned, block, opening, origin, includes);
    }

    public String name() {
        return name;
    }

    public String key() {
        return key;
    }

    public Origin nameAt() {
        return nameAt;
    }

    public List<Value> args() {
        return args;
    }

    public boolean assigned() {
        return assigned;
    }

    public List<Directive> block() {
        return block;
    }

    public Origin opening() {
        return opening;
    }

    public Origin origin() {
        return unusualOrigin != null ? unusualOrigin
                : new Origin(nameAt.file(), nameAt.line(), nameAt.column(), endLine, endColumn);
    }

    public List<Integer> includes() {
        return includes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Directive d && assigned == d.assigned && name.equals(d.name) && key.equals(d.key)
                && nameAt.equals(d.nameAt) && args.equals(d.args) && java.util.Objects.equals(block, d.block)
                && java.util.Objects.equals(opening, d.opening) && origin().equals(d.origin())
                && includes.equals(d.includes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, key, nameAt, args, assigned, block, opening, origin(), includes);
    }

    @Override
    public String toString() {
        return "Directive[name=" + name + ", key=" + key + ", nameAt=" + nameAt + ", args=" + args + ", assigned="
                + assigned + ", block=" + block + ", opening=" + opening + ", origin=" + origin() + ", includes="
                + includes + "]";
    }

    public boolean hasBlock() {
        return block != null;
    }

    /** The first argument when it is a single word or string (a stanza's instance name). */
    public String instanceName() {
        return !args.isEmpty() && args.get(0) instanceof Value.Scalar s ? s.text() : null;
    }

    /** How a person would name this stanza in a message: {@code Binding "b1"}. */
    public String describe() {
        String instance = instanceName();
        return instance == null ? name : name + " \"" + instance + "\"";
    }
}
