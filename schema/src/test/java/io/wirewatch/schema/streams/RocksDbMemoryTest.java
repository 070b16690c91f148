package io.wirewatch.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The process's RocksDB budget: its setting, and one pool per budget that lives as long as its leases. */
class RocksDbMemoryTest {

    @Test
    void shouldTakeTheBudgetInBytesOrSixtyFourMebibytesByDefault() {
        assertThat(RocksDbMemory.budget(Map.of())).isEqualTo(64L << 20);
        assertThat(RocksDbMemory.budget(Map.of(RocksDbMemory.BUDGET_CONFIG, " 134217728 "))).isEqualTo(128L << 20);
        assertThat(RocksDbMemory.budget(Map.of(RocksDbMemory.BUDGET_CONFIG, 33554432L))).isEqualTo(32L << 20);
    }

    @Test
    void shouldRefuseABudgetThatIsNotANumberOrTooSmall() {
        assertThatThrownBy(() -> RocksDbMemory.budget(Map.of(RocksDbMemory.BUDGET_CONFIG, "64m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wirewatch.rocksdb.memory.bytes=64m");
        assertThatThrownBy(() -> RocksDbMemory.budget(Map.of(RocksDbMemory.BUDGET_CONFIG, "1048576")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 MiB");
    }

    @Test
    void shouldDropTheBudgetFromPropertiesMeantForKafkaClients() {
        assertThat(RocksDbMemory.withoutBudget(Map.of(RocksDbMemory.BUDGET_CONFIG, "1", "acks", "all")))
                .containsOnlyKeys("acks");
    }

    @Test
    void shouldKeepOnePoolPerBudgetUntilItsLastLeaseIsClosed() {
        long budget = 5L << 20;
        RocksDbMemory.Lease first = RocksDbMemory.lease(budget);
        RocksDbMemory.Lease second = RocksDbMemory.lease(budget);
        assertThat(RocksDbMemory.leases(budget)).isEqualTo(2);

        first.close();
        first.close(); // twice: still one lease given back
        assertThat(RocksDbMemory.leases(budget)).isEqualTo(1);
        second.close();
        assertThat(RocksDbMemory.leases(budget)).isZero();

        try (Options options = new Options()) {
            assertThatThrownBy(() -> first.configure(options, new BlockBasedTableConfig()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("after close");
        }
        try (RocksDbMemory.Lease again = RocksDbMemory.lease(budget)) {
            assertThat(RocksDbMemory.leases(budget)).as("a new pool once the old one is gone").isEqualTo(1);
            assertThat(again.budget()).isEqualTo(budget);
        }
    }
}
