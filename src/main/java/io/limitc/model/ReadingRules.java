package io.limitc.model;


import java.util.List;

/** Rules reported while reading files, before any check runs. Shared by both dialects. */
public final class ReadingRules {

    public static final RuleInfo SYNTAX_ERROR = new RuleInfo("syntax-error", Severity.ERROR,
            "the file cannot be parsed",
            "Momentum would refuse to load the file. Each mistake is reported once, at the token where reading could not go on, naming the stanza, list or option involved.");
    public static final RuleInfo INCLUDE_NOT_FOUND = new RuleInfo("include-not-found", Severity.ERROR,
            "an included file or directory does not exist or cannot be read",
            "An include or readonly_include names a path that is neither beside the including file nor in any --include-path directory, or that cannot be read. Momentum would fail to start.");
    public static final RuleInfo INCLUDE_CYCLE = new RuleInfo("include-cycle", Severity.ERROR,
            "a file includes itself, directly or through other files",
            "Following includes leads back to a file that is already being read. The message shows the chain; the include that closes the cycle is not followed.");

    public static final RuleInfo MULTILINE_STRING = new RuleInfo("multiline-string", Severity.WARNING,
            "a quoted string runs over several lines",
            "Momentum accepts line breaks inside quotes, but a string that spans lines is usually a missing closing quote that swallowed the statements after it.");

    public static final RuleInfo INVALID_TEXT = new RuleInfo("invalid-text", Severity.ERROR,
            "a file has bytes that are not UTF-8 text, or NUL bytes",
            "Configuration files are text. The first invalid byte is reported with its line and byte offset; the rest"
                    + " of the file is still read, with U+FFFD in place of the bad bytes.");

    public static final List<RuleInfo> ALL = List.of(SYNTAX_ERROR, INCLUDE_NOT_FOUND, INCLUDE_CYCLE, MULTILINE_STRING,
            INVALID_TEXT);

    /**
     * A syntax error or an include cycle means the configuration cannot load anywhere; no
     * comment may hide them. A missing include can be the lint machine's problem (a file
     * that exists only on production hosts), so it may be suppressed with a reason.
     */
    public static boolean suppressible(String ruleId) {
        return !ruleId.equals(SYNTAX_ERROR.id()) && !ruleId.equals(INCLUDE_CYCLE.id()) && !ruleId.equals(INVALID_TEXT.id());
    }

    private ReadingRules() {}
}
