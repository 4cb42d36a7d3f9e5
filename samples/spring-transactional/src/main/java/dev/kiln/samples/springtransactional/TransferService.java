package dev.kiln.samples.springtransactional;

import dev.kiln.retry.facade.Retry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money transfers with Spring's {@code @Transactional} and Kiln's {@code @Retry}: two transfers in opposite
 * directions lock the same two rows in opposite orders, and the database kills one of them as a deadlock victim.
 * Kiln's advisor sits outside the transaction, so the victim runs again in a fresh transaction.
 */
public class TransferService {
    @PersistenceContext
    private EntityManager em;

    private volatile Runnable afterDebit = () -> { };

    /** Debits {@code from}, credits {@code to} and journals the transfer, in one transaction; retried on deadlock. */
    @Retry(onDeadlock = true, maxAttempts = 10, initialDelayMillis = 5, maxDelayMillis = 200)
    @Transactional
    public void transfer(String requestId, long from, long to, long amount) {
        move(from, -amount);
        afterDebit.run();
        move(to, amount);
        em.persist(new Transfer(requestId, from, to, amount));
    }

    @Transactional(readOnly = true)
    public long balance(long account) {
        return em.find(Account.class, account).getBalance();
    }

    @Transactional(readOnly = true)
    public long transfers() {
        return em.createQuery("select count(t) from Transfer t", Long.class).getSingleResult();
    }

    @Transactional
    public void open(long id, String owner, long balance) {
        em.persist(new Account(id, owner, balance));
    }

    /** Something to run between the two row locks, e.g. a barrier that makes two transfers deadlock for the demo. */
    public void setAfterDebit(Runnable hook) {
        this.afterDebit = hook;
    }

    private void move(long account, long delta) {
        em.createQuery("update Account a set a.balance = a.balance + :d where a.id = :id")
                .setParameter("d", delta).setParameter("id", account).executeUpdate();
    }
}
