package dev.tandem.core;

/** The request clashes with what is already stored (a duplicate, a state that no longer allows it): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
