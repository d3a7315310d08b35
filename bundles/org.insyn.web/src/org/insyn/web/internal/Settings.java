package org.insyn.web.internal;

import java.util.Optional;

/** Values a source's URL needs and the code must not hold, such as API keys: read from the preferences. */
@FunctionalInterface
public interface Settings {
    Optional<String> get(String key);
}
