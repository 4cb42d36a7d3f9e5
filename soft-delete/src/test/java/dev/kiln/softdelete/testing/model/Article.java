package dev.kiln.softdelete.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;

/** Not soft-deletable; owns a many-to-many to {@link Label}s. */
@Entity
@Table(name = "articles")
public class Article {
    @Id
    private Long id;
    private String title;

    @ManyToMany
    @JoinTable(name = "article_labels", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "label_id"))
    private Set<Label> labels = new HashSet<>();

    protected Article() {
    }

    public Article(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public Set<Label> getLabels() {
        return labels;
    }
}
