package io.epewatch.recognition.pipeline;

/** A gate camera as recognition needs it: whose, which, and the way it looks (IN, OUT or BOTH). */
public record GateCamera(String enterpriseTaxCode, String number, String direction) {

    String key() {
        return enterpriseTaxCode + "/" + number;
    }
}
