package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "dogs")
public class Dog extends Animal {
    @Column(name = "breed", length = 40)
    private String breed;

    public Dog() {
    }

    public Dog(String name, String breed) {
        super(name);
        this.breed = breed;
    }

    public String getBreed() {
        return breed;
    }

    public void setBreed(String breed) {
        this.breed = breed;
    }
}
