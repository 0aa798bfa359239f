package io.epewatch.recognition.pipeline;

import java.time.Instant;

/**
 * Where a camera instance sends its gate cameras' moving frames when recognition workers of their own read them
 * (issue 22): each frame with its passage and where it moved, then the passage's end. One camera's frames arrive in
 * the order sent.
 */
public interface WorkerFeed {

    /** A moving frame of {@code camera} taken at {@code at}, as the camera's JPEG. */
    void frame(GateCamera camera, PassageSegmenter.Moving moving, Instant at, byte[] jpeg);

    /** The passage has ended: a worker may vote it once it has read its frames. */
    void ended(PassageSegmenter.Ended ended);
}
