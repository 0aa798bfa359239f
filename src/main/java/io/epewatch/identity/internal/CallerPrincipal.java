package io.epewatch.identity.internal;

import io.epewatch.identity.Caller;

/** A security principal that knows the {@link Caller} it stands for. */
public interface CallerPrincipal {

    Caller caller();
}
