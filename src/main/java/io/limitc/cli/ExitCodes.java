package io.limitc.cli;

/** Exit codes every command keeps (documented in `limitc --help`). */
final class ExitCodes {
    static final int OK = 0;
    /** Errors found (or warnings, with --werror). */
    static final int FINDINGS = 1;
    /** Bad usage, or an input that cannot be read. */
    static final int USAGE = 2;
    /** A bug in limitc. */
    static final int INTERNAL = 3;

    private ExitCodes() {}
}
