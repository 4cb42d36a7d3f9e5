package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("truck")
public class Truck extends Vehicle {
    @Column(name = "payload_kg")
    private Integer payloadKg;

    public Truck() {
    }

    public Truck(String plate, Integer payloadKg) {
        super(plate);
        this.payloadKg = payloadKg;
    }

    public Integer getPayloadKg() {
        return payloadKg;
    }

    public void setPayloadKg(Integer payloadKg) {
        this.payloadKg = payloadKg;
    }
}
