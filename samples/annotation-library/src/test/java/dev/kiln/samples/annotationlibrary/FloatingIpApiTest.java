package dev.kiln.samples.annotationlibrary;

import dev.kiln.fixtures.DatabaseTest;
import dev.kiln.fixtures.TestDatabase;
import dev.kiln.fixtures.nova.NovaModel;
import dev.kiln.retry.facade.TransactionFacade;
import org.hibernate.SessionFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address manager used as a library, on H2, MariaDB and PostgreSQL. */
class FloatingIpApiTest {

    /** A fresh schema per test: the SessionFactory drops and creates the Nova tables. */
    private static TransactionFacade facade(TestDatabase db) {
        SessionFactory sf = db.hibernate().entities(NovaModel.ENTITIES).poolSize(8).build();
        return TransactionFacade.builder(sf).name("ipam-test").build();
    }

    private static FloatingIpApi ipam(TestDatabase db) {
        return FloatingIpApi.create(facade(db));
    }

    private static void pool(FloatingIpApi ipam, String... addresses) {
        RequestContext admin = RequestContext.admin();
        ipam.createPool(admin, "public", List.of(addresses));
        ipam.registerFixedIp(admin, "10.0.0.5", "compute-1");
        ipam.registerFixedIp(admin, "10.0.0.6", "compute-2");
    }

    @DatabaseTest
    void theLifeOfAFloatingIp(TestDatabase db) {
        FloatingIpApi ipam = ipam(db);
        pool(ipam, "203.0.113.1", "203.0.113.2");
        RequestContext alice = RequestContext.project("alice");

        String a = ipam.allocate(alice, "public");
        assertThat(a).isEqualTo("203.0.113.1");
        ipam.associate(alice, a, "10.0.0.5");
        assertThat(ipam.listByProject(alice, "alice"))
                .containsExactly(new FloatingIpView(a, "public", "alice", "10.0.0.5", "compute-1"));
        assertThat(ipam.freeAddresses(alice, "public")).isEqualTo(1);

        assertThatThrownBy(() -> ipam.release(alice, a)).isInstanceOf(IpamException.class)
                .hasMessage("203.0.113.1 is associated with 10.0.0.5; disassociate it before releasing it");
        assertThatThrownBy(() -> ipam.associate(alice, a, "10.0.0.6"))
                .hasMessage("203.0.113.1 is already associated with 10.0.0.5; disassociate it first");

        assertThat(ipam.disassociate(alice, a)).isEqualTo("10.0.0.5");
        assertThat(ipam.listByProject(alice, "alice"))
                .containsExactly(new FloatingIpView(a, "public", "alice", null, null));
        ipam.release(alice, a);
        assertThat(ipam.listByProject(alice, "alice")).isEmpty();
        assertThat(ipam.allocate(RequestContext.project("bob"), "public")).as("released addresses are reused")
                .isEqualTo(a);
    }

    @DatabaseTest
    void projectsActOnlyOnTheirOwnAddresses(TestDatabase db) {
        FloatingIpApi ipam = ipam(db);
        pool(ipam, "203.0.113.1");
        RequestContext alice = RequestContext.project("alice");
        RequestContext bob = RequestContext.project("bob");
        String a = ipam.allocate(alice, "public");
        assertThatThrownBy(() -> ipam.associate(bob, a, "10.0.0.5")).isInstanceOf(IpamException.class)
                .extracting(e -> ((IpamException) e).reason()).isEqualTo(IpamException.Reason.NOT_ALLOWED);
        assertThatThrownBy(() -> ipam.listByProject(bob, "alice")).hasMessage("project bob may not list project alice");
        assertThatThrownBy(() -> ipam.createPool(alice, "x", List.of("1.2.3.4")))
                .hasMessage("Only administrators may create pools");
        ipam.associate(RequestContext.admin(), a, "10.0.0.6");
        assertThat(ipam.listByProject(RequestContext.admin(), "alice")).extracting(FloatingIpView::fixedAddress)
                .containsExactly("10.0.0.6");
        assertThatThrownBy(() -> ipam.allocate(bob, "public")).isInstanceOf(IpamException.class)
                .hasMessage("No free address left in pool public");
        assertThatThrownBy(() -> ipam.associate(alice, "198.51.100.1", "10.0.0.5")).hasMessage("No floating IP 198.51.100.1");
    }

    @DatabaseTest
    void concurrentProjectsNeverGetTheSameAddress(TestDatabase db) throws Exception {
        int projects = 4;
        int perProject = 5;
        IpamSample.Result r = IpamSample.run(facade(db), projects, perProject);

        List<String> held = new ArrayList<>();
        r.byProject().values().forEach(ips -> ips.forEach(ip -> held.add(ip.address())));
        assertThat(r.byProject()).hasSize(projects);
        assertThat(held).as("each project released one of its addresses").hasSize(projects * (perProject - 1))
                .doesNotHaveDuplicates();
        r.byProject().forEach((project, ips) -> {
            assertThat(ips).allSatisfy(ip -> assertThat(ip.projectId()).isEqualTo(project));
            assertThat(ips).filteredOn(ip -> ip.fixedAddress() != null).hasSize(1);
        });
        assertThat(r.freeLeft()).isEqualTo(r.poolSize() - held.size());
        assertThat(db.queryLong("SELECT COUNT(*) FROM floating_ips WHERE project_id IS NOT NULL"))
                .isEqualTo(held.size());
        assertThat(r.allocateRetries().calls()).isEqualTo(projects * perProject);
        assertThat(r.allocateRetries().attempts()).isEqualTo(projects * perProject + r.allocateRetries().retries());
        assertThat(r.allocateRetries().giveUps()).isZero();
    }
}
