package io.wirewatch.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated wire stories for the fault bench, written as JSON lines in publication order: sentences of the bundled
 * samples (threats, conditional threats, rejections and demands, talks, a de-escalation, a denial, business) with
 * their actors replaced by pairs of countries. A few pairs are "hot" and their tone drifts from story to story, so
 * dyad windows fill, stance levels move and alerts fire; the rest is background. Each story has its own URL (hence
 * its own id) and a distinct reference line. The same seed gives the same file.
 */
final class FaultStories {

    /** A country as stories name it: name, adjective, capital. */
    private record Country(String name, String adjective, String capital) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("Russia", "Russian", "Moscow"), new Country("Ukraine", "Ukrainian", "Kyiv"),
            new Country("the United States", "American", "Washington"), new Country("China", "Chinese", "Beijing"),
            new Country("Taiwan", "Taiwanese", "Taipei"), new Country("India", "Indian", "New Delhi"),
            new Country("Pakistan", "Pakistani", "Islamabad"), new Country("Israel", "Israeli", "Jerusalem"),
            new Country("Iran", "Iranian", "Tehran"), new Country("Turkey", "Turkish", "Ankara"),
            new Country("Greece", "Greek", "Athens"), new Country("Armenia", "Armenian", "Yerevan"),
            new Country("Azerbaijan", "Azerbaijani", "Baku"), new Country("Japan", "Japanese", "Tokyo"),
            new Country("Serbia", "Serbian", "Belgrade"), new Country("Poland", "Polish", "Warsaw"));

    /** Tones from calm to violent; a hot pair's tone moves one step at a time. */
    private static final List<List<String>> TONES = List.of(
            List.of( // business and calm (the business and de-escalation samples)
                    "A shipping group in {AC} reported a record quarterly profit as freight rates stayed high.",
                    "Revenue rose {n} percent from a year earlier, the company said in a statement.",
                    "The monitors reported no shelling overnight near the border between {A} and {B}.",
                    "{A}'s defence ministry on {DOW} denied any plans to host permanent foreign bases."),
            List.of( // talks (the talks-offer sample)
                    "{A}'s foreign minister said on {DOW} that {AC} was ready to host a new round of talks with {B}.",
                    "\"We are ready to provide a venue, and we believe dialogue is the only way forward,\" the"
                            + " minister told reporters in {AC}.",
                    "{A} and {B} agreed to meet again next week to discuss the exchange of detainees.",
                    "Diplomats in {BC} welcomed the offer from {A} and said they would discuss it with partners."),
            List.of( // rejections and demands (the AP story)
                    "{A} rejected a request from {B} to halt the deployment of troops near the border.",
                    "{AC} has demanded assurances that {B} will never deploy offensive missiles near its territory.",
                    "{A}'s foreign ministry said {AC} rejected claims by {B} that the deployments were defensive.",
                    "Officials in {BC} said there would be no concessions to {A} on its main demands."),
            List.of( // threats (the conditional-threat sample and Lavrov's quote)
                    "{A}'s foreign ministry warned on {DOW} that {AC} would take military-technical countermeasures"
                            + " if {B} went ahead with plans to expand its deployments.",
                    "\"If {B} continues its aggressive course, {AC} will take the necessary retaliatory measures,\""
                            + " {A}'s foreign minister said.",
                    "Officials in {AC} warned that any incursion by {B} would have huge consequences and heavy"
                            + " economic costs."),
            List.of( // force (the exercises paragraph, as acts)
                    "{a} artillery units shelled positions of {B} near the border overnight, officials in {BC}"
                            + " said.",
                    "{a} warplanes bombed military targets in {B} on {DOW}, the defence ministry in {BC} said.",
                    "{A} imposed sanctions on the largest banks of {B} on {DOW}."));
    private static final List<String> HEADLINES = List.of("{A} shipping group posts record profit",
            "{A} offers to host new round of talks with {B}", "{A} rejects demands of {B}",
            "{A} warns of response if {B} expands deployments", "{a} forces strike {B}");

    private final List<String> lines;
    private final Instant first;
    private final Instant last;

    private FaultStories(List<String> lines, Instant first, Instant last) {
        this.lines = lines;
        this.first = first;
        this.last = last;
    }

    /**
     * {@code count} stories published one after another over the 24 days before {@code now} (minus a day), so
     * they are recent for the services' retention and strictly ordered in time.
     */
    static FaultStories generate(int count, long seed, Instant now) {
        if (count < 1) {
            throw new IllegalArgumentException("--stories must be at least 1, was " + count);
        }
        Random random = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        Instant start = now.minus(Duration.ofDays(25)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long step = Math.max(1, Duration.ofDays(24).toSeconds() / count);
        int hotPairs = 8;
        int[][] pairs = new int[hotPairs][];
        int[] tone = new int[hotPairs];
        for (int i = 0; i < hotPairs; i++) {
            int a = random.nextInt(COUNTRIES.size());
            int b = (a + 1 + random.nextInt(COUNTRIES.size() - 1)) % COUNTRIES.size();
            pairs[i] = new int[] {a, b};
            tone[i] = random.nextInt(TONES.size());
        }
        List<String> lines = new ArrayList<>(count);
        Instant at = start;
        for (int n = 0; n < count; n++) {
            at = start.plusSeconds(step * n + random.nextInt((int) Math.min(step, Integer.MAX_VALUE)) / 2);
            Country a;
            Country b;
            int level;
            if (random.nextInt(10) < 7) {
                int pair = random.nextInt(hotPairs);
                tone[pair] = Math.max(0, Math.min(TONES.size() - 1, tone[pair] + random.nextInt(3) - 1));
                boolean swap = random.nextInt(4) == 0;
                a = COUNTRIES.get(pairs[pair][swap ? 1 : 0]);
                b = COUNTRIES.get(pairs[pair][swap ? 0 : 1]);
                level = tone[pair];
            } else {
                int i = random.nextInt(COUNTRIES.size());
                a = COUNTRIES.get(i);
                b = COUNTRIES.get((i + 1 + random.nextInt(COUNTRIES.size() - 1)) % COUNTRIES.size());
                level = random.nextInt(TONES.size());
            }
            List<String> bank = new ArrayList<>(TONES.get(level));
            java.util.Collections.shuffle(bank, random);
            String dow = at.atZone(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            StringBuilder text = new StringBuilder();
            int sentences = 2 + random.nextInt(Math.min(3, bank.size() - 1));
            for (int s = 0; s < sentences; s++) {
                text.append(fill(bank.get(s), a, b, dow, random)).append("\n\n");
            }
            if (random.nextInt(3) == 0) { // now and then a calmer paragraph from another tone
                List<String> other = TONES.get(Math.max(0, level - 1));
                text.append(fill(other.get(random.nextInt(other.size())), a, b, dow, random)).append("\n\n");
            }
            text.append(String.format(Locale.ROOT, "This report was filed from %s (wire reference %d-%05d).",
                    a.capital(), seed, n));
            ObjectNode line = json.createObjectNode();
            line.put("url", String.format(Locale.ROOT, "https://wire.example/faults/%d/%05d", seed, n));
            line.put("title", capitalise(fill(HEADLINES.get(level), a, b, dow, random)));
            line.put("text", text.toString());
            line.put("published", at.toString());
            lines.add(line.toString());
        }
        return new FaultStories(lines, start, at);
    }

    private static String fill(String template, Country a, Country b, String dow, Random random) {
        String s = template.replace("{AC}", a.capital()).replace("{BC}", b.capital()).replace("{DOW}", dow)
                .replace("{A}", a.name()).replace("{B}", b.name()).replace("{a}", a.adjective())
                .replace("{n}", Integer.toString(5 + random.nextInt(40)));
        return capitalise(s);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    int size() {
        return lines.size();
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }

    /** Writes the stories, one JSON object per line, in publication order. */
    Path writeTo(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated stories to " + file, e);
        }
        return file;
    }
}
