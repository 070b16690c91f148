package io.wirewatch.alerts.rules;

/** A rules file that cannot be used: which file, which line (0 when unknown), and why. */
public final class RulesFileException extends RuntimeException {

    private final String origin;
    private final int line;
    private final String reason;

    public RulesFileException(String origin, int line, String reason) {
        super(origin + (line > 0 ? ":" + line : "") + ": " + reason);
        this.origin = origin;
        this.line = line;
        this.reason = reason;
    }

    public String origin() {
        return origin;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
