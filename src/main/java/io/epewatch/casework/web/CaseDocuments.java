package io.epewatch.casework.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarations a warning's evidence names — those considered at the gate, and the papers (declaration:NUMBER)
 * it cites — so the case page can show them beside the gate pictures (R4.6).
 */
final class CaseDocuments {

    private static final String DECLARATION = "declaration:";

    private CaseDocuments() {
    }

    static List<String> declarationNumbers(Map<String, Object> evidence) {
        Set<String> numbers = new LinkedHashSet<>();
        collect(evidence, numbers);
        return List.copyOf(numbers);
    }

    private static void collect(Object node, Set<String> numbers) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() instanceof String key && key.startsWith(DECLARATION)) {
                    numbers.add(key.substring(DECLARATION.length())); // papers by reference, as CONTAINER_MISMATCH cites them
                } else if ("declarationsConsidered".equals(entry.getKey()) && entry.getValue() instanceof Collection<?> list) {
                    list.forEach(n -> numbers.add(String.valueOf(n)));
                } else if ("reference".equals(entry.getKey()) && entry.getValue() instanceof String ref
                        && ref.startsWith(DECLARATION)) {
                    numbers.add(ref.substring(DECLARATION.length()));
                } else {
                    collect(entry.getValue(), numbers);
                }
            }
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> collect(item, numbers));
        }
    }
}
