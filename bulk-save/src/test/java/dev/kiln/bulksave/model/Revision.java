package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** An entity whose {@code @PreUpdate} callback changes another attribute, which the update must then write. */
@Entity
@Table(name = "revisions")
public class Revision {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "content", length = 60)
    private String text;

    @Column(name = "revised_from", length = 60)
    private String revisedFrom;

    @jakarta.persistence.Transient
    private String loadedText;

    public Revision() {
    }

    public Revision(String text) {
        this.text = text;
    }

    @jakarta.persistence.PostLoad
    void remember() {
        loadedText = text;
    }

    @PreUpdate
    void stamp() {
        revisedFrom = loadedText;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getRevisedFrom() {
        return revisedFrom;
    }

    public void setRevisedFrom(String revisedFrom) {
        this.revisedFrom = revisedFrom;
    }
}
