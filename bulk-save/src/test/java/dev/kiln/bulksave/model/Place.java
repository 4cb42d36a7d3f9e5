package dev.kiln.bulksave.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embedded value with two columns. */
@Embeddable
public class Place {
    @Column(name = "city", length = 60)
    private String city;

    @Column(name = "zip", length = 10)
    private String zip;

    public Place() {
    }

    public Place(String city, String zip) {
        this.city = city;
        this.zip = zip;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }
}
