package io.epewatch.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseDocumentsTest {

    @Test
    @DisplayName("R4.6 the declarations a warning names are found wherever its evidence cites them, each once, manifests left out")
    void declarationsNamedByTheEvidence() {
        Map<String, Object> evidence = Map.of(
                "gateEvent", Map.of("id", 7),
                "declarationsConsidered", List.of("305512340010"),
                "papers", List.of(Map.of("reference", "declaration:305512340010"), Map.of("reference", "manifest:MF-1"),
                        Map.of("reference", "declaration:305512340011")));
        assertThat(CaseDocuments.declarationNumbers(evidence)).containsExactlyInAnyOrder("305512340010", "305512340011");
        assertThat(CaseDocuments.declarationNumbers(Map.of("declaration", Map.of("reference", "declaration:1"))))
                .containsExactly("1");
        assertThat(CaseDocuments.declarationNumbers(Map.of("papers", Map.of("declaration:2", List.of("MSKU4670691"),
                "manifest:MF-2", List.of())))).containsExactly("2");
        assertThat(CaseDocuments.declarationNumbers(Map.of())).isEmpty();
    }
}
