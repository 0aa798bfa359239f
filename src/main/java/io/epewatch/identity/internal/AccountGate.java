package io.epewatch.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a signed-in person has finished their sign-in steps (initial password changed, MFA enrolled or entered), no
 * other page or API is reachable: pages redirect to the step, the API answers 403 problem+json saying what is missing.
 */
final class AccountGate extends OncePerRequestFilter {

    private final ProblemWriter problems;

    AccountGate(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser)) {
            chain.doFilter(request, response);
            return;
        }
        SignInStep step = SignInStep.of(request.getSession(false));
        String path = request.getServletPath();
        if (step == SignInStep.DONE || path.equals(step.page()) || open(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            problems.write(response, 403, "Sign-in not complete", switch (step) {
                case CHANGE_PASSWORD -> "Change your initial password first (" + step.page() + ")";
                case MFA_ENROL -> "Set up two-factor authentication first (" + step.page() + ")";
                default -> "Enter your two-factor code first (" + step.page() + ")";
            });
            return;
        }
        response.sendRedirect(request.getContextPath() + step.page());
    }

    private static boolean open(String path) {
        return path.equals("/logout") || path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }
}
