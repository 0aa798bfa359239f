package io.epewatch.risk.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario file ({@code src/test/resources/scenarios/*.yaml}): a timed sequence of facts, in the order the fact log
 * would hold them, and the exact warning changes the engine must give, as {@code RAISED|MERGED|RESOLVED key}.
 *
 * @param rule  the rule the scenario is about
 * @param warns whether it is a scenario where that rule must warn (else it must not)
 */
record Scenario(String file, String name, String rule, boolean warns, Map<String, String> settings, List<Fact> facts,
                List<String> expect) {

    static final Path DIRECTORY = Path.of("src/test/resources/scenarios");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final FactCodec CODEC = new FactCodec(JsonMapper.builder().build());

    static List<Scenario> all() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                scenarios.add(read(file));
            }
            return scenarios;
        }
    }

    @SuppressWarnings("unchecked")
    static Scenario read(Path file) throws IOException {
        Map<String, Object> doc = YAML.readValue(Files.readString(file), Map.class);
        List<Fact> facts = new ArrayList<>();
        for (Object item : (List<Object>) doc.get("facts")) {
            Map<String, Object> one = (Map<String, Object>) item;
            if (one.size() != 1) {
                throw new IllegalArgumentException(file + ": each fact is one {Type: {fields}}, got " + one.keySet());
            }
            Map.Entry<String, Object> entry = one.entrySet().iterator().next();
            facts.add(CODEC.read(entry.getKey(), entry.getValue()));
        }
        Map<String, String> settings = doc.get("settings") == null ? Map.of()
                : ((Map<String, Object>) doc.get("settings")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
        List<String> expect = doc.get("expect") == null ? List.of() : (List<String>) doc.get("expect");
        return new Scenario(file.getFileName().toString(), (String) doc.get("name"), (String) doc.get("rule"),
                Boolean.TRUE.equals(doc.get("warns")), settings, facts, expect);
    }

    Analysis analysis() {
        return new Analysis(Thresholds.DEFAULTS.with(settings));
    }

    /** What the engine said, in the scenario's notation. */
    static List<String> describe(List<WarningChange> changes) {
        return changes.stream().map(c -> switch (c) {
            case WarningChange.Raised r -> "RAISED " + r.key();
            case WarningChange.Merged m -> "MERGED " + m.key();
            case WarningChange.Resolved r -> "RESOLVED " + r.key();
        }).toList();
    }

    @Override
    public String toString() {
        return file + " — " + name;
    }
}
