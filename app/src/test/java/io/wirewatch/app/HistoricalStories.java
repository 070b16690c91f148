package io.wirewatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Wire-style stories of our own over some weeks, as JSON lines in the order an archive gives them (not by date):
 * threats, shelling, sanctions, talks and quiet business news between a handful of actors, each with its own
 * details so that few are copies of one another.
 */
final class HistoricalStories {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] PLACES = {"Kharkiv", "Mariupol", "Donetsk", "Luhansk", "Odesa", "Kherson"};
    private static final String[] TROOPS = {"Romania", "Bulgaria", "Poland", "the Baltic states", "Estonia"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};
    private static final String[] GOODS = {"Oil", "Wheat", "Copper", "Gas", "Coffee"};

    private HistoricalStories() {
    }

    static List<String> jsonLines(int count, Instant firstDay, int days, Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant published = firstDay.plus(Duration.ofMinutes(random.nextInt(days * 24 * 60)));
            String day = DAYS[random.nextInt(DAYS.length)];
            int n = 2 + random.nextInt(40);
            String[] story = switch (random.nextInt(6)) {
                case 0 -> new String[] {"Lavrov warns NATO over troops in " + TROOPS[i % TROOPS.length],
                        "MOSCOW – Russian Foreign Minister Sergei Lavrov said on " + day + " that Moscow would take"
                                + " retaliatory measures if " + (i % 2 == 0 ? "NATO" : "the United States")
                                + " sent " + n + " more battalions to "
                                + TROOPS[random.nextInt(TROOPS.length)] + "."};
                case 1 -> new String[] {"Shelling hits " + PLACES[i % PLACES.length],
                        "KYIV – Russian artillery shelled " + PLACES[random.nextInt(PLACES.length)] + " on " + day
                                + ", killing " + n + " civilians, Ukrainian officials said."};
                case 2 -> new String[] {"US imposes sanctions on " + n + " Russian banks",
                        "WASHINGTON – The United States imposed sanctions on " + n + " Russian banks on " + day
                                + ", Secretary of State Antony Blinken said."};
                case 3 -> new String[] {"Russia and US agree to more talks after " + n + " hours",
                        "GENEVA – Russia and the United States agreed on " + day + " to hold further talks on"
                                + " security in Europe, officials said after " + n + " hours of negotiations."};
                case 4 -> i % 2 == 0 ? new String[] {"Ukraine offers talks with Russia",
                        "KYIV – Ukraine offered on " + day + " to hold talks with Russia, President Volodymyr"
                                + " Zelensky said, " + n + " days after the last round."}
                        : new String[] {"Russia offers talks with Ukraine",
                        "MOSCOW – Russia offered on " + day + " to hold talks with Ukraine, Kremlin spokesman"
                                + " Dmitry Peskov said, " + n + " days after the last round."};
                default -> new String[] {GOODS[i % GOODS.length] + " prices rise " + n + " percent",
                        "LONDON – " + GOODS[random.nextInt(GOODS.length)] + " prices rose " + n + " percent on "
                                + day + " as traders watched supplies."};
            };
            ObjectNode line = JSON.createObjectNode();
            line.put("url", "https://wire.example/" + i);
            line.put("title", story[0]);
            line.put("published", published.toString());
            line.put("text", story[1] + "\n\nStory number " + i + " of the archive, filed at " + published + ".");
            lines.add(line.toString());
        }
        Collections.shuffle(lines, random);
        return lines;
    }
}
