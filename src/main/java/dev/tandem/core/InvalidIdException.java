package dev.tandem.core;

/**
 * Thrown when a prefixed public id (such as {@code ptr_…}) cannot be read: wrong type prefix,
 * wrong length or characters that are not base62.
 */
public class InvalidIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidIdException(String message) {
        super(message);
    }

}
