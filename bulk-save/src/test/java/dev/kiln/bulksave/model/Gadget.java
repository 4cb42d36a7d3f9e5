package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** IDENTITY id, an embedded value, an attribute converter, a nullable column with a server default. */
@Entity
@Table(name = "gadgets")
public class Gadget {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 80)
    private String name;

    @Convert(converter = Money.CentsConverter.class)
    @Column(name = "price_cents")
    private Money price;

    @Embedded
    private Place place;

    @ColumnDefault("'fresh'")
    @Column(name = "status", length = 20)
    private String status;

    @Column(name = "weight")
    private int weight;

    public Gadget() {
    }

    public Gadget(String name, Money price, Place place) {
        this.name = name;
        this.price = price;
        this.place = place;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Money getPrice() {
        return price;
    }

    public void setPrice(Money price) {
        this.price = price;
    }

    public Place getPlace() {
        return place;
    }

    public void setPlace(Place place) {
        this.place = place;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }
}
