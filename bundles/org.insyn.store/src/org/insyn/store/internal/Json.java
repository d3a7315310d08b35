package org.insyn.store.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lists and maps stored as JSON text, so one column type serves H2 and PostgreSQL alike. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() {
        });
    }

    static List<Long> longs(String json) {
        return read(json, new TypeReference<List<Long>>() {
        });
    }

    static Map<String, String> stringMap(String json) {
        return read(json, new TypeReference<Map<String, String>>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
