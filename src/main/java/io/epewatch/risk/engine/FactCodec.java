package io.epewatch.risk.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facts as the fact log stores them: a type name ({@code Passage}, {@code Fix} …) and the record's fields as JSON.
 * Scenario files use the same shape, so a scenario reads like a piece of the log.
 */
public final class FactCodec {

    private static final Map<String, Class<?>> TYPES = Arrays.stream(Fact.class.getPermittedSubclasses())
            .flatMap(type -> type.isInterface() ? Arrays.stream(type.getPermittedSubclasses()) : Arrays.stream(new Class<?>[] {type}))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json;

    public FactCodec(JsonMapper json) {
        // a flag left out (scrapArea, export) means false
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    public static String type(Fact fact) {
        return fact.getClass().getSimpleName();
    }

    public String write(Fact fact) {
        return json.writeValueAsString(fact);
    }

    public Fact read(String type, String body) {
        return (Fact) json.readValue(body, typeNamed(type));
    }

    /** From a parsed tree (a scenario's YAML), fields by name. */
    public Fact read(String type, Object fields) {
        return (Fact) json.convertValue(fields, typeNamed(type));
    }

    private static Class<?> typeNamed(String type) {
        Class<?> found = TYPES.get(type);
        if (found == null) {
            throw new IllegalArgumentException("no fact type " + type + "; known: " + TYPES.keySet());
        }
        return found;
    }
}
