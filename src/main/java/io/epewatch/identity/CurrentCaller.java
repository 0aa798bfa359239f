package io.epewatch.identity;

import io.epewatch.identity.internal.CallerPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, as the security filters authenticated it. */
@Component
public class CurrentCaller {

    /** The authenticated caller; a request without one sees nothing. */
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        return new Caller("anonymous", java.util.Set.of(), java.util.Set.of(), null, AccessScope.nothing());
    }
}
