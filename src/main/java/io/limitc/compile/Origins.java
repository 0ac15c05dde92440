package io.limitc.compile;

import io.limitc.model.Origin;

import java.nio.file.Path;

/**
 * Origins in compiled output name files relative to the first input's directory, so the
 * same configuration compiles to the same bytes wherever it is checked out.
 */
public final class Origins {

    private final Path workingDirectory;
    private final Path base;
    /** Display path to compiled path: each file is relativized once, not once per limit (by any thread). */
    private final java.util.Map<String, String> files = new java.util.concurrent.ConcurrentHashMap<>();

    public Origins(Path workingDirectory, Path firstInput) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.base = firstInput == null ? this.workingDirectory
                : this.workingDirectory.resolve(firstInput).toAbsolutePath().normalize().getParent();
    }

    public Origin relative(Origin o) {
        if (o == null) return null;
        String file = files.computeIfAbsent(o.file(), display -> {
            Path abs = workingDirectory.resolve(display).normalize();
            return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : display;
        });
        return new Origin(file, o.line(), o.column(), o.endLine(), o.endColumn());
    }
}
