package io.epewatch.recognition;

import java.util.List;

/**
 * The recognition port: the lines of text in a picture, each with its place and, per character, the recogniser's
 * alternatives. The adapter today is PaddleOCR PP-OCRv4 on ONNX Runtime ({@code ocr}); grammars and voting work on
 * this output only, so another reader (Tesseract, a plate-specific model, a GPU service) can replace it.
 */
public interface TextReader {

    List<TextLine> read(Picture picture);
}
