package dev.kiln.bundles.testing.model;

import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An entity with the mapping kinds the Nova model lacks: primitives, enums, converters, embeddables, sets. */
@Entity
public class Gadget {
    public enum Color { RED, GREEN }

    @Embeddable
    public static class Size {
        public int width;
        public int height;
    }

    @Id
    private Long id;
    private String name;
    private int weight;
    @Enumerated(EnumType.STRING)
    private Color color;
    @Convert(converter = UpperCaseConverter.class)
    private String code;
    private BigDecimal price;
    private LocalDate madeOn;
    @Embedded
    private Size size;
    @ElementCollection
    private List<String> tags = new ArrayList<>();
    @ManyToOne(fetch = FetchType.LAZY)
    private Gadget parent;
    @OneToMany(mappedBy = "parent")
    private Set<Gadget> children = new LinkedHashSet<>();

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

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    public Color getColor() {
        return color;
    }

    public void setColor(Color color) {
        this.color = color;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public LocalDate getMadeOn() {
        return madeOn;
    }

    public void setMadeOn(LocalDate madeOn) {
        this.madeOn = madeOn;
    }

    public Size getSize() {
        return size;
    }

    public void setSize(Size size) {
        this.size = size;
    }

    public List<String> getTags() {
        return tags;
    }

    public Gadget getParent() {
        return parent;
    }

    public void setParent(Gadget parent) {
        this.parent = parent;
    }

    public Set<Gadget> getChildren() {
        return children;
    }

    /** A mutator that is not a setter. */
    public void addTag(String tag) {
        tags.add(tag);
    }
}
