package dev.kiln.bulksave.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** Owns a collection table, which bulk save refuses up front. */
@Entity
@Table(name = "shelves")
public class Shelf {
    @Id
    private Long id;

    @ElementCollection
    @CollectionTable(name = "shelf_books", joinColumns = @JoinColumn(name = "shelf_id"))
    @Column(name = "title")
    private List<String> books = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<String> getBooks() {
        return books;
    }
}
