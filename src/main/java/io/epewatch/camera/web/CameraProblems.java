package io.epewatch.camera.web;

import io.epewatch.camera.connector.CameraFailure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The camera (or its recorder), not the request, failed: 502 problem+json with the reason the connector gave — never
 * the account — and its kind, for the camera APIs and the live view.
 */
@RestControllerAdvice(assignableTypes = {CameraMonitorApi.class, FootageArchiveApi.class})
class CameraProblems {

    static ProblemDetail of(CameraFailure failure, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, failure.reason());
        problem.setTitle(title);
        problem.setProperty("kind", failure.kind().name());
        return problem;
    }

    @ExceptionHandler(CameraFailure.class)
    ProblemDetail cameraFailed(CameraFailure failure) {
        return of(failure, "The camera could not be reached or did not answer as expected");
    }
}
