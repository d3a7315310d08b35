package org.insyn.report.internal;

import java.lang.reflect.RecordComponent;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Model records as JSON for the subject access export (R14): Optional unwrapped (absent is null), instants and dates as
 * ISO text, enums by name, bytes as base64; done here rather than with Jackson's java.time and Optional modules, which
 * the target does not hold.
 */
final class JsonTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTree() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
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
}
