package io.wirewatch.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;

/** Runs a picocli command in-process and captures what it prints. */
final class CommandTestSupport {

    record Run(int exitCode, String out) {
    }

    private CommandTestSupport() {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A small news page of our own: a dateline, three paragraphs, furniture around them. */
    static String page(String title, String dateline, String... paragraphs) {
        StringBuilder html = new StringBuilder("<html lang=\"en\"><head><title>").append(title)
                .append(" | Test Wire</title><meta property=\"article:published_time\" content=\"2022-01-26T10:00:00Z\">"
                        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><main><article>"
                        + "<h1>").append(title).append("</h1><div class=\"story-body\">");
        for (int i = 0; i < paragraphs.length; i++) {
            html.append("<p>").append(i == 0 ? dateline + " " : "").append(paragraphs[i]).append("</p>");
        }
        html.append("</div><div class=\"share-bar\"><a href=\"#\">Share</a></div></article>"
                + "<section class=\"related\"><h3>Related Articles</h3><ul><li><a href=\"/a\">Another story about"
                + " something else entirely</a></li></ul></section></main><footer>Back to top button</footer>"
                + "</body></html>");
        return html.toString();
    }
}
