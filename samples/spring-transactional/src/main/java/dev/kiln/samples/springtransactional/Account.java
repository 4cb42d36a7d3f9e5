package dev.kiln.samples.springtransactional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bank account of the sample. */
@Entity
@Table(name = "sample_account")
public class Account {
    @Id
    private long id;
    private String owner;
    private long balance;

    protected Account() {
    }

    public Account(long id, String owner, long balance) {
        this.id = id;
        this.owner = owner;
        this.balance = balance;
    }

    public long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public long getBalance() {
        return balance;
    }
}
