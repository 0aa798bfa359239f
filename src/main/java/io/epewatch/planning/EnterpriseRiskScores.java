package io.epewatch.planning;

/** Where the plan learns how risky an enterprise is (0–100); the web module's enterprise risk score provides it. */
public interface EnterpriseRiskScores {

    int scoreOf(String taxCode);
}
