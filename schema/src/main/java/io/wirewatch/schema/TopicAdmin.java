package io.wirewatch.schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics of the catalogue that a cluster does not have yet, with their settings. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    /**
     * Creates each of {@code topics} that does not exist; existing topics are left as they are.
     *
     * @return the names of the topics created
     * @throws IllegalStateException when the cluster does not answer or refuses a topic; the message names it
     */
    public static List<String> ensureTopics(Admin admin, List<Topic<?, ?>> topics, short replicationFactor) {
        List<NewTopic> requests = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            requests.add(topic.newTopic(replicationFactor));
        }
        return ensure(admin, requests);
    }

    /** Creates each of {@code requests} that does not exist. */
    public static List<String> ensure(Admin admin, List<NewTopic> requests) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = requests.stream().filter(t -> !existing.contains(t.name())).toList();
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> entry
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                    LOG.info("Created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the cluster did not list its topics within " + TIMEOUT.toSeconds()
                    + " s: " + e, e);
        }
    }
}
