package io.wirewatch.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a point in time from the command line: {@code 2022-01-26}, {@code 2022-01-26T18:00} or an ISO instant (UTC). */
public final class TimeConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time: use 2022-01-26, 2022-01-26T18:00"
                    + " or 2022-01-26T18:00:00Z");
        }
    }
}
