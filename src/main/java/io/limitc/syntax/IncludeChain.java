package io.limitc.syntax;

import io.limitc.model.Origin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files being read, outermost first, each with the include that led into it: what
 * both dialects' loaders need to see a cycle and to show it.
 */
public final class IncludeChain {

    private record Step(Path file, String display, Origin includedAt) {}

    private final List<Step> steps = new ArrayList<>();

    public void enter(Path file, String display, Origin includedAt) {
        steps.add(new Step(file, display, includedAt));
    }

    public void leave() {
        steps.remove(steps.size() - 1);
    }

    /**
     * When reading {@code file} (included at {@code at}) would close a cycle, the message
     * showing it ({@code a.conf:3 includes b.conf, b.conf:1 includes a.conf}); else null.
     */
    public String cycle(Path file, Origin at) {
        int from = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (file.equals(steps.get(i).file())) {
                from = i;
                break;
            }
        }
        if (from < 0) return null;
        StringBuilder sb = new StringBuilder("include cycle: ");
        for (int i = from + 1; i < steps.size(); i++) {
            Origin via = steps.get(i).includedAt();
            sb.append(via.file()).append(':').append(via.line()).append(" includes ").append(steps.get(i).display()).append(", ");
        }
        return sb.append(at.file()).append(':').append(at.line()).append(" includes ").append(steps.get(from).display())
                .toString();
    }

    /** The identity of a file for "already read" and cycles: its real path when it has one. */
    public static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
