package io.epewatch.recognition;

import io.epewatch.recognition.grammar.ReadingParser;
import io.epewatch.recognition.ocr.OcrModels;
import io.epewatch.recognition.ocr.PaddleTextReader;

/**
 * One picture in, plates and container numbers out: the text reader (detection, recognition) then the grammars.
 * One instance per worker: an ONNX session runs one picture at a time best on a small machine. Call {@link #read}
 * on a {@link RecognitionThreads} thread.
 */
public final class FrameRecognition implements AutoCloseable {

    private final OcrModels models;
    private final TextReader reader;
    private final ReadingParser parser = new ReadingParser();

    private FrameRecognition(OcrModels models) {
        this.models = models;
        this.reader = new PaddleTextReader(models);
    }

    /** @param threads ONNX intra-op threads for this instance */
    public static FrameRecognition load(int threads) {
        return new FrameRecognition(RecognitionThreads.call(() -> OcrModels.load(threads)));
    }

    public FrameRead read(Picture picture) {
        var lines = reader.read(picture);
        return new FrameRead(lines, parser.parse(lines));
    }

    @Override
    public void close() {
        models.close();
    }
}
