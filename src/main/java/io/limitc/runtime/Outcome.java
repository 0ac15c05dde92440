package io.limitc.runtime;

/** nginx's $limit_conn_status vocabulary, used for both dialects. */
public enum Outcome { PASSED, REJECTED, REJECTED_DRY_RUN }
