package org.insyn.core.service;

import java.net.URI;
import java.util.Map;

/** A small fictional public web on the loopback interface (demo mode): the address of each of its sites. */
public interface DemoWeb {
    /** Site name ("search", "forum", "blog", "video", "api") to its base address, e.g. http://127.0.0.1:40123. */
    Map<String, URI> sites();
}
