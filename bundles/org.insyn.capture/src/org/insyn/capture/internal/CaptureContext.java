package org.insyn.capture.internal;

import java.util.Optional;

/** Who captures, for which case and justification (and finding, when the capture documents a hit). */
record CaptureContext(String operatorId, long caseId, long justificationId, Optional<Long> hitId) {
}
