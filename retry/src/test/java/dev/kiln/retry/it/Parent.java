package dev.kiln.retry.it;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.LocalDate;

/** A parent row with every kind of constraint the error tests provoke. */
@Entity
@Table(name = "parent",
        uniqueConstraints = @UniqueConstraint(name = "uk_parent_name", columnNames = "name"),
        check = @CheckConstraint(name = "chk_qty", constraint = "qty >= 0"))
public class Parent {
    @Id
    private Integer id;

    @Column(name = "name", length = 5, nullable = false)
    private String name;

    @Column(name = "qty")
    private Integer qty;

    @Column(name = "d")
    private LocalDate day;

    protected Parent() {
    }

    public Parent(int id, String name, Integer qty) {
        this.id = id;
        this.name = name;
        this.qty = qty;
    }

    public Integer getId() {
        return id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setQty(Integer qty) {
        this.qty = qty;
    }
}
