package io.limitc.model;


import java.util.List;

/** Rules reported while reading files, before any check runs. Shared by both dialects. */
public final class ReadingRules {

    public static final RuleInfo SYNTAX_ERROR = new RuleInfo("syntax-error", Severity.ERROR,
            "the file cannot be parsed");
    public static final RuleInfo INCLUDE_NOT_FOUND = new RuleInfo("include-not-found", Severity.ERROR,
            "an included file or directory does not exist or cannot be read");
    public static final RuleInfo INCLUDE_CYCLE = new RuleInfo("include-cycle", Severity.ERROR,
            "a file includes itself, directly or through other files");

    public static final List<RuleInfo> ALL = List.of(SYNTAX_ERROR, INCLUDE_NOT_FOUND, INCLUDE_CYCLE);

    private ReadingRules() {}
}
