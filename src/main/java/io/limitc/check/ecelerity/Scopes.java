package io.limitc.check.ecelerity;

import io.limitc.model.Directive;
import io.limitc.model.ecelerity.MomentumScopes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How the Momentum checks read a statement's place in the scope tree. */
final class Scopes {

    private Scopes() {}

    /** The kind of the innermost enclosing stanza, lower-cased, or {@code global}. */
    static String innermost(List<Directive> enclosing) {
        return enclosing.isEmpty() ? MomentumScopes.GLOBAL : enclosing.get(enclosing.size() - 1).key();
    }

    /**
     * The scope Momentum's core reads a statement in: the innermost stanza, unless the
     * statement lies inside a module stanza (an unknown kind), whose contents belong to
     * the module: then the outermost module stanza.
     */
    static String coreScope(List<Directive> enclosing) {
        String module = outermostModule(enclosing);
        return module != null ? module : innermost(enclosing);
    }

    /** The kind of the outermost enclosing module stanza, or null. */
    static String outermostModule(List<Directive> enclosing) {
        for (Directive d : enclosing) {
            if (!MomentumScopes.isKnown(d.key())) return d.key();
        }
        return null;
    }

    static boolean contains(List<Directive> enclosing, String kind) {
        for (Directive d : enclosing) {
            if (d.key().equals(kind)) return true;
        }
        return false;
    }

    /** An option assignment: no block, and not an include. */
    static boolean isOption(Directive d) {
        return !d.hasBlock() && !d.key().equals("include") && !d.key().equals("readonly_include");
    }

    /** The identity of a merged scope: kinds and instance names, normalised as Momentum merges them. */
    static String mergeKey(List<Directive> enclosing) {
        StringBuilder sb = new StringBuilder();
        for (Directive d : enclosing) {
            String kind = d.key();
            // a binding is one source wherever it is written: its name alone identifies it
            if (kind.equals(MomentumScopes.BINDING)) sb.setLength(0);
            sb.append(kind).append(':').append(MomentumScopes.mergeName(kind, d.instanceName())).append('\u0000');
        }
        return sb.toString();
    }

    /** "at global scope or inside binding, domain": where a stanza or option may be written. */
    static String places(Set<String> scopes) {
        Set<String> sorted = new TreeSet<>(scopes);
        boolean global = sorted.remove(MomentumScopes.GLOBAL);
        String inside = sorted.isEmpty() ? "" : "inside " + String.join(", ", sorted);
        if (!global) return inside;
        return sorted.isEmpty() ? "at global scope" : "at global scope or " + inside;
    }
}
