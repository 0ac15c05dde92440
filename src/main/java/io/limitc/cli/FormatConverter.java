package io.limitc.cli;

import io.limitc.emit.DiagnosticFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Accepts the format names in lower case, as users type them. */
final class FormatConverter implements ITypeConverter<DiagnosticFormat> {
    @Override
    public DiagnosticFormat convert(String value) {
        try {
            return DiagnosticFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown format '" + value + "' (expected human, short, json, sarif or github)");
        }
    }
}
