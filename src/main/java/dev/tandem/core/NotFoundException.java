package dev.tandem.core;

/** What was asked for does not exist, or not in the caller's workspace: answered 404 (a page or problem details). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
