package dev.kiln.bundles.testing.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Stores codes in lower case, reads them in upper case: a converter whose effect a test can see. */
@Converter
public class UpperCaseConverter implements AttributeConverter<String, String> {
    @Override
    public String convertToDatabaseColumn(String attribute) {
        return attribute == null ? null : attribute.toLowerCase(Locale.ROOT);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return dbData == null ? null : dbData.toUpperCase(Locale.ROOT);
    }
}
