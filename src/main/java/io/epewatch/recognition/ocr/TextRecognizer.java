package io.epewatch.recognition.ocr;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.CharChoice;
import io.epewatch.recognition.Picture;

/**
 * What a text line says: PP-OCRv4's CRNN gives, per time step, a probability for each of its 6,625 classes (CTC).
 * Only the characters that can stand on a plate or a container ({@code A-Z 0-9 - .}, and the Chinese provinces'
 * characters that begin a Chinese plate) are kept — lower case folded into upper case — so other Chinese characters
 * or a colon can never come out, and each emitted character carries the probabilities of the alternatives the
 * grammars and the check digit choose among.
 */
final class TextRecognizer {

    static final String ALLOWED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-." + PlateNumber.CHINESE_PROVINCES;
    private static final int HEIGHT = 48;
    private static final int MAX_WIDTH = 1280;

    private final OrtSession session;
    /** For each model class, the index in {@link #ALLOWED} it counts for, or -1. */
    private final int[] classToAllowed;

    TextRecognizer(OcrModels models) {
        this.session = models.recognition();
        List<String> keys = models.keys();
        this.classToAllowed = new int[keys.size() + 2];
        Arrays.fill(classToAllowed, -1);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.length() == 1) {
                classToAllowed[i + 1] = ALLOWED.indexOf(Character.toUpperCase(key.charAt(0)));
            }
        }
    }

    List<CharChoice> recognize(Picture line) {
        int width = Math.min(MAX_WIDTH, Math.max(HEIGHT / 2, (int) Math.ceil(HEIGHT * (double) line.width() / line.height())));
        Picture input = line.scaled(width, HEIGHT);
        int plane = width * HEIGHT;
        float[] chw = new float[3 * plane];
        int[] rgb = input.rgb();
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            chw[i] = (p & 0xff) / 127.5f - 1f;
            chw[plane + i] = ((p >> 8) & 0xff) / 127.5f - 1f;
            chw[2 * plane + i] = ((p >> 16) & 0xff) / 127.5f - 1f;
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, HEIGHT, width});
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            float[] probabilities = new float[steps * classes];
            out.getFloatBuffer().get(probabilities);
            return decode(probabilities, steps, classes);
        } catch (OrtException e) {
            throw new IllegalStateException("text recognition failed", e);
        }
    }

    /**
     * Greedy CTC over the allowed characters: a step emits the allowed character that beats both the blank and the
     * mass of all other classes; repeats merge; each emitted character keeps, per alternative, its best probability
     * over the steps it spans.
     */
    List<CharChoice> decode(float[] probabilities, int steps, int classes) {
        List<CharChoice> chars = new ArrayList<>();
        double[] span = null;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            double[] allowed = new double[ALLOWED.length()];
            double blank = probabilities[t * classes];
            double other = 0;
            for (int c = 1; c < classes; c++) {
                float p = probabilities[t * classes + c];
                int a = c < classToAllowed.length ? classToAllowed[c] : -1;
                if (a >= 0) {
                    allowed[a] += p;
                } else {
                    other += p;
                }
            }
            int best = 0;
            for (int a = 1; a < allowed.length; a++) {
                if (allowed[a] > allowed[best]) {
                    best = a;
                }
            }
            int emitted = allowed[best] > blank && allowed[best] > other ? best : -1;
            if (emitted >= 0 && emitted == previous) {
                for (int a = 0; a < allowed.length; a++) {
                    span[a] = Math.max(span[a], allowed[a]);
                }
            } else {
                if (span != null) {
                    chars.add(choice(span));
                }
                span = emitted >= 0 ? allowed : null;
            }
            previous = emitted;
        }
        if (span != null) {
            chars.add(choice(span));
        }
        return chars;
    }

    private static CharChoice choice(double[] span) {
        Integer[] order = new Integer[span.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(span[b], span[a]));
        Map<Character, Double> alternatives = new LinkedHashMap<>();
        for (int i = 0; i < 4 && span[order[i]] > 1e-4; i++) {
            alternatives.put(ALLOWED.charAt(order[i]), span[order[i]]);
        }
        return new CharChoice(ALLOWED.charAt(order[0]), span[order[0]], Collections.unmodifiableMap(alternatives));
    }
}
