package io.limitc.model;

/**
 * What every diagnostic names: a stable kebab-case id (used in suppressions, SARIF and
 * CI annotations; never renamed), the severity, and a one-line summary.
 */
public record RuleInfo(String id, Severity severity, String summary) {}
