package io.wirewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "::1, loopback",
            ":: , unspecified",
            "::127.0.0.1, loopback",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "64:ff9b::7f00:1, loopback",
            "64:ff9b::a9fe:a9fe, link-local",
            "2002:7f00:1::1, loopback",
            "2002:a9fe:a9fe::1, link-local",
            "2001:0:4136:e378:8000:63bf:80ff:fffe, loopback",
            "2001:0:7f00:1:8000:63bf:3fff:fdd2, loopback",
    })
    void shouldJudgeAnIpv6AddressEmbeddingIpv4ByItsIpv4Address(String literal, String kind) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressGuard.forbiddenKind(address)).startsWith(kind);
    }

    @ParameterizedTest
    @CsvSource({"2002:5db8:d822::1", "64:ff9b::5db8:d822", "2001:0:4136:e378:8000:63bf:a247:27dd", "2606:4700::1"})
    void shouldAllowIpv6AddressesEmbeddingAPublicIpv4Address(String literal) throws Exception {
        assertThat(AddressGuard.forbiddenKind(InetAddress.getByName(literal))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1"})
    void shouldRefuseANameResolvingToAnEmbeddedLoopbackAddress(String literal) {
        AddressGuard guard = new AddressGuard(FetchPolicy.defaults(), host -> {
            if (!host.equals("sneaky.test")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(literal)};
        });

        assertThat(guard.admit(URI.create("http://sneaky.test/")))
                .isInstanceOfSatisfying(AddressGuard.Verdict.Refused.class,
                        r -> assertThat(r.reason()).contains("sneaky.test", "loopback"));
    }
}
