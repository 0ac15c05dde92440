package io.limitc.runtime;

/**
 * What one limit has done since the configuration was loaded.
 *
 * @param held        leases currently held (all keys)
 * @param acquired    leases granted
 * @param rejected    acquisitions refused by this limit
 * @param dryRunRejected would-be rejections in dry-run mode
 * @param skipped     acquisitions not counted: empty key, or a key over 255 bytes
 * @param exhausted   rejections because the zone had no room for another key
 */
public record LimitStats(String name, long held, long acquired, long rejected, long dryRunRejected, long skipped,
                         long exhausted) {}
