package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "cats")
public class Cat extends Animal {
    @Column(name = "lives", nullable = false)
    private Integer lives;

    public Cat() {
    }

    public Cat(String name, Integer lives) {
        super(name);
        this.lives = lives;
    }

    public Integer getLives() {
        return lives;
    }

    public void setLives(Integer lives) {
        this.lives = lives;
    }
}
