package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** A versioned, dynamic-update entity with a pooled sequence, an update timestamp and JPA callbacks that count their calls. */
@Entity
@DynamicUpdate
@Table(name = "ledgers")
public class Ledger {
    public static final AtomicInteger PRE_PERSIST = new AtomicInteger();
    public static final AtomicInteger POST_PERSIST = new AtomicInteger();
    public static final AtomicInteger PRE_UPDATE = new AtomicInteger();
    public static final AtomicInteger POST_UPDATE = new AtomicInteger();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledgers_seq")
    @SequenceGenerator(name = "ledgers_seq", sequenceName = "ledgers_seq", allocationSize = 20)
    private Long id;

    @Version
    @Column(name = "version")
    private Integer version;

    @Column(name = "owner", nullable = false, length = 40)
    private String owner;

    @Column(name = "balance")
    private long balance;

    @UpdateTimestamp
    @Column(name = "changed_at")
    private LocalDateTime changedAt;

    public Ledger() {
    }

    public Ledger(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public static void resetCallbacks() {
        PRE_PERSIST.set(0);
        POST_PERSIST.set(0);
        PRE_UPDATE.set(0);
        POST_UPDATE.set(0);
    }

    @PrePersist
    void prePersist() {
        PRE_PERSIST.incrementAndGet();
    }

    @PostPersist
    void postPersist() {
        POST_PERSIST.incrementAndGet();
    }

    @PreUpdate
    void preUpdate() {
        PRE_UPDATE.incrementAndGet();
    }

    @PostUpdate
    void postUpdate() {
        POST_UPDATE.incrementAndGet();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    public LocalDateTime getChangedAt() {
        return changedAt;
    }

    public void setChangedAt(LocalDateTime changedAt) {
        this.changedAt = changedAt;
    }
}
