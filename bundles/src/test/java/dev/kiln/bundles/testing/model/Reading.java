package dev.kiln.bundles.testing.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Nullable numbers and a boolean, to check that typed reads keep SQL NULL apart from 0 and false. */
@Entity
public class Reading {
    @Id
    private Long id;
    private Long tally;
    private Integer tier;
    private Short grade;
    private Double ratio;
    private Boolean valid;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getTally() {
        return tally;
    }

    public void setTally(Long tally) {
        this.tally = tally;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier;
    }

    public Short getGrade() {
        return grade;
    }

    public void setGrade(Short grade) {
        this.grade = grade;
    }

    public Double getRatio() {
        return ratio;
    }

    public void setRatio(Double ratio) {
        this.ratio = ratio;
    }

    public Boolean getValid() {
        return valid;
    }

    public void setValid(Boolean valid) {
        this.valid = valid;
    }
}
