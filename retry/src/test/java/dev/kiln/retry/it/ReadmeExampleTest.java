package dev.kiln.retry.it;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.FloatingIp;
import dev.kiln.fixtures.nova.NovaDataLoader;
import dev.kiln.fixtures.nova.NovaDataset;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.DbDuplicateEntryException;
import org.hibernate.SessionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The module README's example, on the shared Nova model, on every backend. */
class ReadmeExampleTest {

    @DatabaseTest
    void duplicateFloatingIpAddress(TestDatabase db) {
        SessionFactory sf = db.shared("nova", d -> d.hibernate().entities(NovaModel.ENTITIES).build());
        NovaDataset data = db.shared("data", d -> NovaDataLoader.builder().floatingIps(10).build().load(d.dataSource()));
        String taken = data.floatingAddresses().get(0);

        FloatingIp ip = new FloatingIp();
        ip.setAddress(taken);
        DbDuplicateEntryException e = catchThrowableOfType(DbDuplicateEntryException.class,
                () -> sf.inTransaction(s -> s.persist(ip)));

        assertThat(e.getTable()).isEqualTo("floating_ips");
        assertThat(e.getConstraintName()).isEqualTo("uniq_floating_ips0address0deleted");
        assertThat(e.getColumns()).containsExactly("address", "deleted");
        assertThat(e.getValues()).containsExactly(taken, "0");
    }
}
