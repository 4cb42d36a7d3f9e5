package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("car")
public class Car extends Vehicle {
    @Column(name = "seats")
    private Integer seats;

    public Car() {
    }

    public Car(String plate, Integer seats) {
        super(plate);
        this.seats = seats;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }
}
