package io.wirewatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A folder of history as an analyst brings it: dated .txt stories (the samples), a JSON lines archive, a WARC
 * capture, and one input of each kind that holds no story (undated, title only, not a story file, a duplicate,
 * a broken JSON line, a WARC record that is not a page).
 */
final class HistoryFolder {

    static final String SAMPLES = "txt";
    static final String JSONL = "wire.jsonl";
    static final String WARC = "capture.warc.gz";

    private HistoryFolder() {
    }

    /** Writes the history into {@code dir} and returns {@code dir}. */
    static Path write(Path dir) throws IOException {
        Path txt = Files.createDirectories(dir.resolve(SAMPLES));
        for (String name : List.of("2022-01-26-ap-no-concessions.txt", "2022-01-27-talks-offer.txt",
                "2022-02-03-de-escalation.txt", "2022-02-08-denial.txt", "2022-02-10-conditional-threat.txt",
                "2022-02-11-business.txt")) {
            try (InputStream in = HistoryFolder.class.getResourceAsStream("/samples/" + name)) {
                Files.copy(in, txt.resolve(name));
            }
        }
        Files.copy(txt.resolve("2022-01-27-talks-offer.txt"), txt.resolve("2022-01-27-talks-offer-copy.txt"));
        Files.writeString(txt.resolve("lavrov-undated.txt"), """
                Lavrov warns of a military-technical response

                MOSCOW – Russian Foreign Minister Sergei Lavrov said Russia would take military-technical measures \
                if NATO moved more troops towards its borders.
                """);
        Files.writeString(txt.resolve("poland-dated-by-line.txt"), """
                Poland says it will send more troops to its eastern border
                2022-02-20

                WARSAW – Poland will send more troops to its border with Belarus, the defence minister said on \
                Sunday, after Belarus accused Warsaw of provocations.
                """);
        Files.writeString(txt.resolve("2022-02-21-title-only.txt"), "Breaking: Kremlin to recognise separatists\n");
        Files.writeString(txt.resolve("notes.pdf"), "%PDF-1.4 not a story");

        Files.writeString(dir.resolve(JSONL), String.join("\n",
                "{\"url\": \"https://wire.example/1\", \"title\": \"Russia threatens retaliation over NATO troops\","
                        + " \"published\": \"2022-02-14T09:30:00Z\", \"text\": \"MOSCOW – Russia threatened on Monday"
                        + " to retaliate against NATO if the alliance sent more troops to Romania and Bulgaria.\"}",
                "{\"url\": \"https://wire.example/2\", \"title\": \"Ukraine and Russia agree to hold talks in"
                        + " Belarus\", \"published\": \"2022-02-27\", \"text\": \"KYIV – Ukraine agreed to send a"
                        + " delegation to talks with Russia on the Belarusian border, President Volodymyr Zelensky"
                        + " said on Sunday.\"}",
                "{\"url\": \"https://wire.example/3\", \"title\": \"No date here\", \"text\": \"BERLIN – Germany"
                        + " said it would halt certification of the Nord Stream 2 pipeline.\"}",
                "{not json at all",
                ""));

        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(dir.resolve(WARC), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response("https://wire.example/world/sanctions", MediaType.HTML_UTF8,
                    CommandTestSupport.page("US imposes sanctions on Russian banks", "WASHINGTON (AP) —",
                            "The United States imposed sanctions on two Russian state banks on Tuesday, President"
                                    + " Joe Biden said, calling Russia's moves in eastern Ukraine an invasion.",
                            "Biden said more sanctions would follow if Russia went further.",
                            "The Kremlin said the sanctions would not change its course.")
                            .getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://wire.example/logo.png", MediaType.OCTET_STREAM, new byte[] {1, 2, 3}));
        }
        return dir;
    }

    private static WarcResponse response(String url, MediaType type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(type, body).build();
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2022-02-22T12:00:00Z")).body(http)
                .build();
    }
}
