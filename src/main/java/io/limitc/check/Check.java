package io.limitc.check;

import io.limitc.model.RuleInfo;

/** One lint rule: a stable id, a severity and a summary, and the code that finds it. */
public interface Check {

    RuleInfo rule();

    void run(CheckContext context);
}
