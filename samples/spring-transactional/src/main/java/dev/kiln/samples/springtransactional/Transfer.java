package dev.kiln.samples.springtransactional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One committed transfer, keyed by the caller's request id: a transfer committed twice would violate the key, so the
 * journal proves that retries never commit a unit of work twice.
 */
@Entity
@Table(name = "sample_transfer")
public class Transfer {
    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;
    @Column(name = "from_account")
    private long from;
    @Column(name = "to_account")
    private long to;
    private long amount;

    protected Transfer() {
    }

    public Transfer(String requestId, long from, long to, long amount) {
        this.requestId = requestId;
        this.from = from;
        this.to = to;
        this.amount = amount;
    }

    public String getRequestId() {
        return requestId;
    }
}
