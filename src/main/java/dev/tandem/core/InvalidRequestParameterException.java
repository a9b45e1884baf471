package dev.tandem.core;

/**
 * Thrown when a request parameter such as {@code limit} or {@code starting_after} is invalid;
 * carries the parameter's API name so the error response can point at it.
 */
public class InvalidRequestParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRequestParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidRequestParameterException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The parameter's name as the client sent it, e.g. {@code starting_after}. */
    public String field() {
        return this.field;
    }

}
