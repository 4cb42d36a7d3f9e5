package dev.kiln.retry.facade;

import java.util.Arrays;
import java.util.List;

/** {@link TransactionContext#create}'s context: a slot and a few attributes. */
final class BasicContext implements TransactionContext {
    private final TransactionSlot slot = new TransactionSlot();
    private final List<Object> attributes;

    BasicContext(Object... attributes) {
        this.attributes = List.copyOf(Arrays.asList(attributes));
    }

    @Override
    public TransactionSlot transactionSlot() {
        return slot;
    }

    @Override
    public <T> T attribute(Class<T> type) {
        for (Object a : attributes) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TransactionContext" + attributes;
    }
}
