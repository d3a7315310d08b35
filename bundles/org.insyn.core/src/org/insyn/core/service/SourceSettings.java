package org.insyn.core.service;

import java.util.Map;
import java.util.Optional;

/**
 * The settings of the web sources that an administrator keeps for a workspace (Window › Preferences › Sources and API
 * keys): values a source's address needs that the code must not hold, such as API keys ({@code {setting:NAME}} in a
 * source's configuration), and the limits of the private HTTP client ({@code http.minIntervalMillis},
 * {@code http.maxBytes}).
 */
public interface SourceSettings {
    /** The setting's value, stripped; empty when it is not set or blank. */
    Optional<String> get(String name);

    /** Sets these values together and saves them; a blank value removes its setting. */
    void put(Map<String, String> values);
}
