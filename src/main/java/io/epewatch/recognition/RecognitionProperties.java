package io.epewatch.recognition;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gate recognition's settings ({@code epewatch.recognition.*}).
 *
 * @param workers        how many frames are read at once, one ONNX instance each; 0 = one per core
 * @param queueCapacity  frames waiting for a worker; beyond it frames of vehicles already seen are dropped first
 * @param motionShare    the share of the picture that must change for a frame to be read at all
 * @param passageQuiet   how long a gate must stay still for a passage to be complete and voted on
 * @param passageLongest the longest a passage may last before it is voted on anyway
 * @param detectionSize  the longer side the text detector's input is scaled to
 * @param uncertainBelow a read less confident than this is UNCERTAIN: kept, shown to officers to check (R1.2)
 * @param readMovingOnly read only the part of a frame that moved (issue 21: half the detector's cost); false reads
 *                       every moving frame whole
 * @param watch          pulling pictures from the gate cameras
 * @param remote         recognition on workers of their own (issue 22)
 */
@ConfigurationProperties("epewatch.recognition")
public record RecognitionProperties(@DefaultValue("0") int workers, @DefaultValue("32") int queueCapacity,
                                    @DefaultValue("0.02") double motionShare, @DefaultValue("3s") Duration passageQuiet,
                                    @DefaultValue("60s") Duration passageLongest, @DefaultValue("1120") int detectionSize,
                                    @DefaultValue("0.6") double uncertainBelow, @DefaultValue("true") boolean readMovingOnly,
                                    @DefaultValue Watch watch, @DefaultValue Remote remote) {

    /**
     * @param enabled       whether this node reads the gate cameras (off on a node that should not)
     * @param frameInterval time between two pictures of one camera
     */
    public record Watch(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration frameInterval) {
    }

    /**
     * Recognition workers as their own instances (issue 22, profile {@code recognition}); both need Kafka.
     *
     * @param send           on a camera instance: its gate cameras' moving frames go to the workers (topic {@code
     *                       epewatch.gate-frames}) instead of this instance's models
     * @param read           this instance is a recognition worker: it reads the frames the camera instances send,
     *                       votes their passages and records the gate events
     * @param abandonedAfter a passage whose camera instance stopped sending (killed mid-passage) is voted after this
     *                       long without a frame
     * @param retention      how long the frames topic keeps a frame (set when the topic is created): how long the
     *                       workers may all be down before passages are lost
     */
    public record Remote(@DefaultValue("false") boolean send, @DefaultValue("false") boolean read,
                         @DefaultValue("2m") Duration abandonedAfter, @DefaultValue("1h") Duration retention) {
    }
}
