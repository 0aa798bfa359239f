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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** What happens around the login form: throttling, the next sign-in step, and the audit trail. */
@Component
class SignInHandlers {

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
            throttle.succeeded(user.getUsername(), request.getRemoteAddr());
            SignInStep step = SignInStep.after(user.mustChangePassword(), user.mfaEnabled(),
                    properties.mfaRequired(user.caller().roles()));
            SignInStep.set(request.getSession(), step);
            audit.recordAlone(user.getUsername(), Actions.SIGN_IN, null, "user:" + user.getUsername(),
                    Map.of("address", request.getRemoteAddr(), "next", step.name()));
            if (step == SignInStep.DONE) {
                afterSteps.onAuthenticationSuccess(request, response, authentication);
            } else {
                response.sendRedirect(request.getContextPath() + step.page());
            }
        };
    }

    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            throttle.failed(username, request.getRemoteAddr());
            audit.recordAlone(String.valueOf(username), Actions.SIGN_IN_FAILED, null, "user:" + username,
                    Map.of("address", request.getRemoteAddr(), "reason", reason(exception)));
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

    /** Refuses a sign-in attempt from an address that is locked out for that account, before checking the password. */
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
                if (throttle.locked(username, request.getRemoteAddr())) {
                    audit.recordAlone(String.valueOf(username), Actions.SIGN_IN_FAILED, null, "user:" + username,
                            Map.of("address", request.getRemoteAddr(), "reason", "locked out"));
                    response.sendRedirect(request.getContextPath() + "/login?locked");
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
