package io.wirewatch.alerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {

    @Test
    void shouldRefuseAnEmptySecretAtStartNamingTheWebhook() {
        URI url = URI.create("http://127.0.0.1:9/hook");

        assertThatThrownBy(() -> Webhook.of(url, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://127.0.0.1:9/hook").hasMessageContaining("secret is empty");
        assertThatThrownBy(() -> Webhook.of(url, "   ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Webhook.of(url, null).secret()).isNull();
    }
}
