package io.wirewatch.enrich;

import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment topology: {@code news.stories.raw} (and {@code news.stories.replay}) → decode →
 * {@link Enricher} → {@code news.stories.enriched}, then dyad windows and stance changes.
 * A record that cannot be decoded or enriched goes, unchanged, to {@code news.dlq} with the reason in its
 * headers, and processing goes on; so does one whose enrichment runs out of heap or stack.
 */
public final class EnrichTopology {

    static final String STAGE = "enrich";

    private EnrichTopology() {
    }

    /** What the live service reads: the archive as it grows, and {@code news.stories.replay}. */
    public static final List<String> LIVE_SOURCES = List.of(Topics.STORIES_RAW.name(), Topics.STORIES_REPLAY.name());

    /**
     * @param enricher what enriches one story
     * @param dyads how dyad windows and stance changes are computed
     * @param sources the topics of raw stories to read ({@link #LIVE_SOURCES} for the live service; a replay run
     *     reads its own one-partition topic, so that its stories reach every stage in event-time order)
     */
    public record Config(Enricher enricher, DyadTopology.Config dyads, List<String> sources) {
        public Config {
            java.util.Objects.requireNonNull(enricher, "enricher");
            java.util.Objects.requireNonNull(dyads, "dyads");
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("an enrichment topology needs at least one source topic");
            }
        }

        /** The live service's topology: it reads {@link #LIVE_SOURCES}. */
        public Config(Enricher enricher, DyadTopology.Config dyads) {
            this(enricher, dyads, LIVE_SOURCES);
        }

        public static Config defaults(Enricher enricher) {
            return new Config(enricher, DyadTopology.Config.defaults());
        }
    }

    /** The topology, a pure function of its configuration. */
    public static Topology build(Config config) {
        Enricher enricher = config.enricher();
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<Story> stories = (AvroSerde<Story>) Topics.STORIES_RAW.valueSerde();

        KStream<String, Outcome> outcomes = builder
                .stream(config.sources(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-stories"))
                .processValues(() -> new EnrichProcessor(stories, enricher), Named.as("enrich"));

        Map<String, KStream<String, Outcome>> routes = outcomes.split(Named.as("route-"))
                .branch((key, outcome) -> outcome instanceof Outcome.Enriched, Branched.as("enriched"))
                .defaultBranch(Branched.as("dead-letters"));

        KStream<String, EnrichedStory> enriched = routes.get("route-enriched")
                .mapValues(outcome -> ((Outcome.Enriched) outcome).story(), Named.as("unwrap-enriched"));
        enriched.to(Topics.STORIES_ENRICHED.name(), Produced.with(Topics.STORIES_ENRICHED.keySerde(),
                        Topics.STORIES_ENRICHED.valueSerde()).withName("enriched-stories"));

        routes.get("route-dead-letters")
                .mapValues(outcome -> ((Outcome.Dead) outcome).original(), Named.as("unwrap-dead-letter"))
                .to(Topics.DLQ.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letters"));

        DyadTopology.addTo(builder, enriched, config.dyads());
        return builder.build();
    }

    /** What enriching one raw record gave. */
    sealed interface Outcome {
        record Enriched(EnrichedStory story) implements Outcome {
        }

        record Dead(byte[] original) implements Outcome {
        }
    }

    /** Decodes and enriches; a failure becomes a {@link Outcome.Dead} with {@link DeadLetter} headers. */
    static final class EnrichProcessor implements FixedKeyProcessor<String, byte[], Outcome> {
        private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

        private final AvroSerde<Story> stories;
        private final Enricher enricher;
        private FixedKeyProcessorContext<String, Outcome> context;

        EnrichProcessor(AvroSerde<Story> stories, Enricher enricher) {
            this.stories = stories;
            this.enricher = enricher;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Outcome> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            if (record.value() == null) {
                return;
            }
            try {
                Story story = stories.decode(record.value());
                context.forward(record.withValue(new Outcome.Enriched(enricher.enrich(story))));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // An OutOfMemoryError or StackOverflowError here came from this one record (a huge allocation
                // or a deep recursion that has unwound): rethrown, the stream thread would be replaced onto the
                // same record, again and again. It goes to the dead letters like any other failure.
                RecordMetadata where = context.recordMetadata().orElse(null);
                String topic = where == null ? Topics.STORIES_RAW.name() : where.topic();
                int partition = where == null ? -1 : where.partition();
                long offset = where == null ? -1 : where.offset();
                LOG.warn("Sending record {}-{}@{} (key {}) to {}: {}", topic, partition, offset, record.key(),
                        Topics.DLQ.name(), e.toString());
                DeadLetter letter = DeadLetter.of(STAGE, e, topic, partition, offset);
                context.forward(record.withValue((Outcome) new Outcome.Dead(record.value()))
                        .withHeaders(letter.addTo(new RecordHeaders(record.headers().toArray()))));
            }
        }
    }
}
