package io.limitc.cli;

/** A problem with how limitc was called or with reading its inputs: exit 2, one line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
