package io.epewatch.clearance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of declaration processing ({@code epewatch.clearance.*}).
 *
 * @param exchangeRates   dong per unit of each invoice currency accepted (a declaration in another currency is
 *                        refused, naming the field); in production fed from the State Bank's rate
 * @param feeVnd          the customs fee per declaration (Circular 274/2016/TT-BTC: 20,000 dong)
 * @param signalsFor      how long an enterprise's compliance score, open incidents and warnings are reused between
 *                        registrations before they are read again
 */
@ConfigurationProperties("epewatch.clearance")
public record ClearanceProperties(@DefaultValue Map<String, BigDecimal> exchangeRates,
                                  @DefaultValue("20000") BigDecimal feeVnd,
                                  @DefaultValue("PT1M") Duration signalsFor) {

    private static final Map<String, BigDecimal> DEFAULT_RATES = Map.of("VND", BigDecimal.ONE,
            "USD", new BigDecimal("25400"), "EUR", new BigDecimal("27500"), "JPY", new BigDecimal("168"),
            "CNY", new BigDecimal("3520"), "KRW", new BigDecimal("18.3"));

    public ClearanceProperties {
        exchangeRates = exchangeRates == null || exchangeRates.isEmpty() ? DEFAULT_RATES : Map.copyOf(exchangeRates);
    }
}
