package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Assigned id and one attribute of every basic type bulk save copies on PostgreSQL (COPY text round trips). */
@Entity
@Table(name = "specimens")
public class Specimen {
    @Id
    public Long id;

    @Column(name = "text_value", length = 200, unique = true)
    public String text;

    @Column(name = "flag")
    public Boolean flag;

    @Column(name = "count_value")
    public Integer count;

    @Column(name = "amount", precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "ratio")
    public Double ratio;

    @Column(name = "small")
    public Float small;

    @Column(name = "token")
    public UUID token;

    @Column(name = "data")
    public byte[] data;

    @Column(name = "at_time")
    public LocalDateTime at;

    @Column(name = "day_value")
    public LocalDate day;

    @Column(name = "stamp")
    public Instant stamp;

    @Column(name = "offset_time")
    public OffsetDateTime offsetTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_name", length = 20)
    public TimeUnit unitName;

    @Enumerated(EnumType.ORDINAL)
    @Column(name = "weekday")
    public DayOfWeek weekday;

    public Specimen() {
    }

    public Specimen(Long id) {
        this.id = id;
    }
}
