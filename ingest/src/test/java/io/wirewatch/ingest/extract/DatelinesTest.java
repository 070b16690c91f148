package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatelinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "WASHINGTON, United States – The Biden administration said | WASHINGTON, United States | null",
        "MOSCOW (AP) — Russia said on Friday | MOSCOW | AP",
        "LONDON (Reuters) - Britain will | LONDON | Reuters",
        "PARIS, Jan 26 (AFP) - France said | PARIS | AFP",
        "KYIV, Ukraine (AP) — Ukrainian officials | KYIV, Ukraine | AP",
        "NEW YORK, March 3 (Reuters) - Stocks fell | NEW YORK | Reuters",
        "The minister said on Monday - and repeated | null | null",
        "AP - a story that starts with a credit | null | null"})
    void shouldFindThePlaceAndWireOfADateline(String paragraph, String place, String wire) {
        Datelines.Found found = Datelines.find(List.of(paragraph));
        assertThat(found.place()).isEqualTo(place);
        assertThat(found.wire()).isEqualTo(wire);
    }

    @Test
    void shouldTakeTheWireFromAClosingCredit() {
        assertThat(Datelines.find(List.of("First paragraph of a long story without any dateline at all here.",
                "“These are different issues,” said Kremlin envoy Dmitry Kozak. (AP)")).wire()).isEqualTo("AP");
        assertThat(Datelines.closingCredit("— Reuters")).isEqualTo("Reuters");
        assertThat(Datelines.closingCredit("He said he would (not) go.")).isNull();
    }
}
