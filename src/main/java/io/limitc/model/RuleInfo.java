package io.limitc.model;

/**
 * What every diagnostic names: a stable kebab-case id (used in suppressions, SARIF and
 * CI annotations; never renamed), the severity, a one-line summary, and a description
 * of why it matters and how to fix it (SARIF {@code fullDescription}, {@code limitc rules}).
 */
public record RuleInfo(String id, Severity severity, String summary, String description) {}
