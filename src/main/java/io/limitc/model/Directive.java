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
public record Directive(String name, String key, Origin nameAt, List<Value> args, boolean assigned,
                        List<Directive> block, Origin opening, Origin origin, List<Integer> includes) {

    public Directive {
        // checked where assertions run (every test): parsers derive thousands of keys per file
        assert key.equals(name.toLowerCase(Locale.ROOT)) : "key must be the lower-cased name: " + name + " / " + key;
        args = List.copyOf(args);
        block = block == null ? null : List.copyOf(block);
        includes = List.copyOf(includes);
    }

    /** Derives {@link #key()}: the keyword lower-cased, as both dialects match keywords. */
    public Directive(String name, Origin nameAt, List<Value> args, boolean assigned, List<Directive> block,
                     Origin opening, Origin origin, List<Integer> includes) {
        this(name, name.toLowerCase(Locale.ROOT), nameAt, args, assigned, block, opening, origin, includes);
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
