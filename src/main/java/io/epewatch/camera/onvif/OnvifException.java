package io.epewatch.camera.onvif;

/** A camera's ONVIF answer that cannot be used: a SOAP fault, malformed or unsafe XML, a missing element. */
public class OnvifException extends RuntimeException {

    public OnvifException(String message) {
        super(message);
    }
}
