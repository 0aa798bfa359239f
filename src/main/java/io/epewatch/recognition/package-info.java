/**
 * Gate recognition (R1.2, R4.5): Vietnamese plates and ISO 6346 container numbers read from gate camera frames on
 * CPU — motion gate, PaddleOCR detection and recognition on ONNX Runtime behind the {@link
 * io.epewatch.recognition.TextReader} port, grammars with check-digit correction, multi-frame voting — and edge ANPR
 * events (generic JSON, Hikvision ISAPI), all becoming gate events through {@link
 * io.epewatch.recognition.GateObservations}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "camera", "evidence", "footage", "gate", "identity", "kernel", "registry"})
package io.epewatch.recognition;
