package io.epewatch.recognition.ocr;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.epewatch.recognition.Box;
import io.epewatch.recognition.Picture;

/**
 * Where the text is: PP-OCRv4's DBNet gives a text probability per pixel; connected regions above the threshold,
 * scored by their mean probability and grown back by the shrink the model was trained with, are the text boxes.
 */
final class TextDetector {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final float PIXEL_THRESHOLD = 0.3f;
    private static final double BOX_THRESHOLD = 0.5;
    private static final double UNCLIP_RATIO = 1.6;
    private static final int MIN_SIDE = 3;

    private final OrtSession session;
    private final int longSide;
    private final int shortSideAtLeast;

    /**
     * @param longSide         the long side pictures are scaled down to (960 reads 1080p gates well)
     * @param shortSideAtLeast small pictures (a plate crop) are scaled up until their short side reaches this
     */
    TextDetector(OcrModels models, int longSide, int shortSideAtLeast) {
        this.session = models.detection();
        this.longSide = longSide;
        this.shortSideAtLeast = shortSideAtLeast;
    }

    List<Box> detect(Picture picture) {
        return detect(picture, longSide);
    }

    List<Box> detect(Picture picture, int longSide) {
        double scale = Math.min((double) longSide / Math.max(picture.width(), picture.height()),
                Math.max(1.0, (double) shortSideAtLeast / Math.min(picture.width(), picture.height())));
        int w = Math.max(32, (int) Math.round(picture.width() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(picture.height() * scale / 32) * 32);
        Picture input = picture.scaled(w, h);
        float[] map = probabilities(input);
        double sx = (double) picture.width() / w;
        double sy = (double) picture.height() / h;
        List<Box> boxes = new ArrayList<>();
        for (Box region : regions(map, w, h)) {
            Box grown = unclip(region);
            Box original = new Box((int) Math.floor(grown.x() * sx), (int) Math.floor(grown.y() * sy),
                    (int) Math.ceil(grown.width() * sx), (int) Math.ceil(grown.height() * sy));
            boxes.add(clamp(original, picture));
        }
        boxes.sort(Comparator.comparingInt(Box::y).thenComparingInt(Box::x));
        return boxes;
    }

    private float[] probabilities(Picture input) {
        int w = input.width();
        int h = input.height();
        int plane = w * h;
        float[] chw = new float[3 * plane];
        int[] rgb = input.rgb();
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            // PaddleOCR normalises OpenCV's BGR order with these constants
            chw[i] = (((p & 0xff) / 255f) - MEAN[0]) / STD[0];
            chw[plane + i] = ((((p >> 8) & 0xff) / 255f) - MEAN[1]) / STD[1];
            chw[2 * plane + i] = ((((p >> 16) & 0xff) / 255f) - MEAN[2]) / STD[2];
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, h, w});
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] map = new float[plane];
            out.get(map);
            return map;
        } catch (OrtException e) {
            throw new IllegalStateException("text detection failed", e);
        }
    }

    /** 4-connected regions of text pixels whose mean probability passes the box threshold. */
    private static List<Box> regions(float[] map, int w, int h) {
        int[] label = new int[map.length];
        int[] stack = new int[map.length];
        List<Box> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < map.length; start++) {
            if (map[start] <= PIXEL_THRESHOLD || label[start] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            int minX = w, minY = h, maxX = -1, maxY = -1;
            double sum = 0;
            int count = 0;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                sum += map[i];
                count++;
                if (x > 0) top = push(map, label, stack, top, i - 1, next);
                if (x < w - 1) top = push(map, label, stack, top, i + 1, next);
                if (y > 0) top = push(map, label, stack, top, i - w, next);
                if (y < h - 1) top = push(map, label, stack, top, i + w, next);
            }
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            if (Math.min(bw, bh) >= MIN_SIDE && sum / count >= BOX_THRESHOLD) {
                boxes.add(new Box(minX, minY, bw, bh));
            }
        }
        return boxes;
    }

    private static int push(float[] map, int[] label, int[] stack, int top, int i, int id) {
        if (map[i] > PIXEL_THRESHOLD && label[i] == 0) {
            label[i] = id;
            stack[top++] = i;
        }
        return top;
    }

    /**
     * DBNet learns shrunken regions; grow them by area x ratio / perimeter, as the model's authors do. That distance
     * suits lines; a column (one character under the other) grown by it takes in as much door as text on each side,
     * so columns grow across by a quarter of it only.
     */
    private static Box unclip(Box box) {
        double distance = box.width() * (double) box.height() * UNCLIP_RATIO / (2.0 * (box.width() + box.height()));
        int d = (int) Math.round(distance);
        return box.tall() ? box.grown(Math.max(1, d / 4), d) : box.grown(d, d);
    }

    private static Box clamp(Box box, Picture picture) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(picture.width(), box.right());
        int y1 = Math.min(picture.height(), box.bottom());
        return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
}
