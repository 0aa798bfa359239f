package io.epewatch.recognition.pipeline;

/** A gate camera as recognition needs it: whose, which, and the way it looks (IN, OUT or BOTH). */
public record GateCamera(String enterpriseTaxCode, String number, String direction) {

    /** Tax code and number: one camera, across instances (the passages' ids, the frames topic's key). */
    public String key() {
        return enterpriseTaxCode + "/" + number;
    }
}
