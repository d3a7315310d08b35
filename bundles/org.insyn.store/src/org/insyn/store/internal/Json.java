package org.insyn.store.internal;

import java.lang.reflect.RecordComponent;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Lists and maps stored as JSON text, so one column type serves H2 and PostgreSQL alike. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * A model record as a JSON tree: Optional unwrapped (absent is null), instants and dates as ISO text, enums by
     * name, bytes as base64; done here rather than with Jackson's java.time and Optional modules, which the target
     * does not hold.
     */
    static JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof Optional<?> o) {
            return tree(o.orElse(null));
        }
        if (value instanceof Record r) {
            ObjectNode node = MAPPER.createObjectNode();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    node.set(c.getName(), tree(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return node;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = MAPPER.createArrayNode();
            items.forEach(i -> array.add(tree(i)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = MAPPER.createObjectNode();
            new TreeMap<>(map).forEach((k, v) -> node.set(String.valueOf(k), tree(v)));
            return node;
        }
        if (value instanceof byte[] bytes) {
            return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return MAPPER.valueToTree(value);
        }
        return TextNode.valueOf(value instanceof Enum<?> e ? e.name() : value.toString());
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
