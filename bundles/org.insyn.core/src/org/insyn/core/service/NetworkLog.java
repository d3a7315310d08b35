package org.insyn.core.service;

import java.util.List;

import org.insyn.core.model.NetworkRequest;

/** R15: every request the product makes is logged here for review. */
public interface NetworkLog {
    /** Stores the request; its id is ignored and assigned. */
    NetworkRequest record(NetworkRequest request);

    /** The newest requests first, at most {@code limit}. */
    List<NetworkRequest> recent(int limit);
}
