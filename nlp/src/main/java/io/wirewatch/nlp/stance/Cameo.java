package io.wirewatch.nlp.stance;

import java.util.Map;

/**
 * Goldstein intensities (−10 conflict … +10 cooperation) of the CAMEO codes the stance rules use, as published
 * with CAMEO (the GDELT lookup table {@code CAMEO.goldsteinscale.txt}). A code not listed takes its parent's
 * value ("1056" → "105" → "10").
 */
final class Cameo {

    private static final Map<String, Double> GOLDSTEIN = Map.ofEntries(
            Map.entry("016", -2.0), Map.entry("02", 3.0), Map.entry("020", 3.0), Map.entry("022", 3.2), Map.entry("026", 4.0),
            Map.entry("027", 4.0), Map.entry("03", 4.0), Map.entry("030", 4.0), Map.entry("031", 5.2), Map.entry("032", 4.5),
            Map.entry("033", 5.2), Map.entry("035", 7.0), Map.entry("0356", 7.0), Map.entry("036", 4.0),
            Map.entry("057", 8.0), Map.entry("052", 3.5), Map.entry("056", 7.0), Map.entry("062", 7.4),
            Map.entry("063", 7.4), Map.entry("071", 7.4), Map.entry("074", 8.5), Map.entry("081", 5.0),
            Map.entry("0862", 9.0), Map.entry("0873", 9.0), Map.entry("103", -5.0), Map.entry("128", -5.0),
            Map.entry("131", -5.8), Map.entry("132", -5.8), Map.entry("133", -5.8), Map.entry("136", -7.0),
            Map.entry("144", -7.5), Map.entry("153", -7.2), Map.entry("162", -5.6), Map.entry("164", -7.0),
            Map.entry("165", -6.5), Map.entry("1712", -9.2), Map.entry("180", -9.0), Map.entry("182", -9.5),
            Map.entry("183", -10.0), Map.entry("185", -8.0), Map.entry("186", -10.0), Map.entry("194", -10.0),
            Map.entry("20", -10.0), Map.entry("203", -10.0),
            Map.entry("04", 1.0), Map.entry("040", 1.0), Map.entry("041", 1.0), Map.entry("042", 1.9),
            Map.entry("043", 2.8), Map.entry("045", 5.0), Map.entry("046", 7.0),
            Map.entry("05", 3.5), Map.entry("050", 3.5), Map.entry("051", 3.4), Map.entry("053", 3.8),
            Map.entry("054", 6.0), Map.entry("055", 7.0),
            Map.entry("06", 6.0), Map.entry("060", 6.0), Map.entry("064", 7.0),
            Map.entry("07", 7.0), Map.entry("070", 7.0), Map.entry("073", 7.4), Map.entry("075", 7.0),
            Map.entry("08", 5.0), Map.entry("080", 5.0), Map.entry("083", 5.0), Map.entry("0841", 7.0),
            Map.entry("085", 7.0), Map.entry("087", 9.0), Map.entry("0871", 9.0), Map.entry("0874", 10.0),
            Map.entry("09", -2.0), Map.entry("090", -2.0),
            Map.entry("10", -5.0), Map.entry("100", -5.0), Map.entry("1056", -5.0),
            Map.entry("11", -2.0), Map.entry("110", -2.0), Map.entry("111", -2.0), Map.entry("112", -2.0),
            Map.entry("1123", -2.0), Map.entry("114", -2.0),
            Map.entry("12", -4.0), Map.entry("120", -4.0), Map.entry("121", -4.0), Map.entry("122", -4.0),
            Map.entry("123", -4.0), Map.entry("124", -4.0), Map.entry("125", -5.0), Map.entry("127", -5.0),
            Map.entry("129", -5.0),
            Map.entry("13", -6.0), Map.entry("130", -4.4), Map.entry("1312", -5.8), Map.entry("138", -7.0),
            Map.entry("139", -7.0),
            Map.entry("14", -6.5), Map.entry("141", -6.5), Map.entry("143", -6.5), Map.entry("145", -7.5),
            Map.entry("15", -7.2), Map.entry("150", -7.2), Map.entry("152", -7.2), Map.entry("154", -7.2),
            Map.entry("16", -4.0), Map.entry("160", -4.0), Map.entry("161", -4.0), Map.entry("163", -8.0),
            Map.entry("166", -7.0),
            Map.entry("17", -7.0), Map.entry("170", -7.0), Map.entry("171", -9.2), Map.entry("172", -5.0),
            Map.entry("173", -5.0), Map.entry("174", -5.0), Map.entry("191", -9.5), Map.entry("192", -9.5),
            Map.entry("18", -9.0), Map.entry("181", -9.0), Map.entry("1823", -10.0),
            Map.entry("19", -10.0), Map.entry("190", -10.0), Map.entry("193", -10.0), Map.entry("195", -10.0));

    private Cameo() {
    }

    /** True when the code or a parent of it has a known intensity. */
    static boolean known(String code) {
        for (String c = code; c.length() >= 2; c = c.substring(0, c.length() - 1)) {
            if (GOLDSTEIN.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    static double goldstein(String code) {
        for (String c = code; c.length() >= 2; c = c.substring(0, c.length() - 1)) {
            Double value = GOLDSTEIN.get(c);
            if (value != null) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Goldstein intensity for CAMEO code " + code);
    }
}
