package org.insyn.capture.internal;

/** One file of a capture with its media type and SHA-256 (lower-case hex). */
public record Artifact(String name, String mediaType, byte[] content, String sha256) {
    static Artifact of(String name, String mediaType, byte[] content) {
        return new Artifact(name, mediaType, content, Hashes.sha256(content));
    }
}
