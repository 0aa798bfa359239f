package io.epewatch.kernel;

import java.util.List;

/** A value that cannot be parsed, with a message code so the UI can say why in the reader's language. */
public class InvalidValue extends IllegalArgumentException {

    private final String code;
    private final List<Object> args;

    public InvalidValue(String code, String reason, Object... args) {
        super(reason);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
