package dev.kiln.bulksave.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A value stored as a number of cents through an attribute converter. */
public record Money(long cents) {
    @Converter
    public static class CentsConverter implements AttributeConverter<Money, Long> {
        @Override
        public Long convertToDatabaseColumn(Money money) {
            return money == null ? null : money.cents();
        }

        @Override
        public Money convertToEntityAttribute(Long cents) {
            return cents == null ? null : new Money(cents);
        }
    }
}
