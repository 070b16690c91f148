package io.wirewatch.app;

import io.wirewatch.schema.Topic;
import io.wirewatch.schema.TopicAdmin;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch topics}: the topic catalogue, and creating it on a real cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "List wirewatch's topics and their settings; with --create, create the missing ones.")
final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--create", description = "Create the topics the cluster does not have yet.")
    boolean create;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of created topics (default: ${DEFAULT-VALUE}; use 3 in production).")
    short replicationFactor = 1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Topic<?, ?> topic : Topics.all()) {
            out.printf("%-24s partitions=%d %s%n    %s%n", topic.name(), topic.partitions(), topic.config(),
                    topic.purpose());
        }
        if (create) {
            Map<String, Object> props = new HashMap<>(kafka.clientProperties());
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
            try (Admin admin = Admin.create(props)) {
                List<String> created = TopicAdmin.ensureTopics(admin, Topics.all(), replicationFactor);
                out.println(created.isEmpty() ? "All topics exist." : "Created " + String.join(", ", created));
            }
        }
        out.flush();
        return 0;
    }
}
