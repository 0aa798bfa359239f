package io.epewatch.identity.internal;

import java.io.IOException;
import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.AuditTrail.Actions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** What happens around the login form: throttling, the next sign-in step, and the audit trail. */
@Component
class SignInHandlers {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInHandlers.class);

    private final SignInThrottle throttle;
    private final SecurityProperties properties;
    private final AuditTrail audit;

    SignInHandlers(SignInThrottle throttle, SecurityProperties properties, AuditTrail audit) {
        this.throttle = throttle;
        this.properties = properties;
        this.audit = audit;
    }

    AuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler afterSteps = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            throttle.succeeded(user.getUsername());
            SignInStep step = SignInStep.after(user.mustChangePassword(), user.mfaEnabled(),
                    properties.mfaRequired(user.caller().roles()));
            SignInStep.set(request.getSession(), step);
            Map<String, Object> details = ClientAddress.of(request).audited();
            details.put("next", step.name());
            audit.recordAlone(user.getUsername(), Actions.SIGN_IN, null, "user:" + user.getUsername(), details);
            if (step == SignInStep.DONE) {
                afterSteps.onAuthenticationSuccess(request, response, authentication);
            } else {
                response.sendRedirect(request.getContextPath() + step.page());
            }
        };
    }

    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof InternalAuthenticationServiceException) {
                // the system could not check the password (its database away, its connections all taken): not the
                // person's failure, so it locks nobody out; they are told to try again in a moment
                LOG.warn("A sign-in could not be checked: {}", exception.getMessage());
                response.sendRedirect(request.getContextPath() + "/login?unavailable");
                return;
            }
            String username = request.getParameter("username");
            ClientAddress client = ClientAddress.of(request);
            throttle.failed(username, client.client());
            Map<String, Object> details = client.audited();
            details.put("reason", reason(exception));
            audit.recordAlone(String.valueOf(username), Actions.SIGN_IN_FAILED, null, "user:" + username, details);
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    LogoutHandler logout() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                audit.recordAlone(authentication.getName(), Actions.SIGN_OUT, null, "user:" + authentication.getName(), Map.of());
            }
        };
    }

    /** Refuses a sign-in attempt that must still wait (account or address throttled), before checking the password. */
    OncePerRequestFilter lockout() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String username = request.getParameter("username");
                ClientAddress client = ClientAddress.of(request);
                java.time.Duration wait = throttle.wait(username, client.client());
                if (!wait.isZero()) {
                    Map<String, Object> details = client.audited();
                    details.put("reason", "throttled: " + wait.toSeconds() + " s to wait");
                    audit.recordAlone(String.valueOf(username), Actions.SIGN_IN_FAILED, null, "user:" + username, details);
                    response.sendRedirect(request.getContextPath() + "/login?locked=" + Math.max(1, wait.toSeconds()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static String reason(AuthenticationException exception) {
        return exception.getClass().getSimpleName();
    }
}
