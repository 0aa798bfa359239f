package io.epewatch.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes pictures to H.264 (FFmpeg's libopenh264, baseline, no B-frames) one at a time, as a camera's encoder does,
 * and hands back each picture's NAL units. A key frame every second, so a viewer who joins waits at most that long.
 */
final class H264Encoder implements AutoCloseable {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();

    H264Encoder(int width, int height, int fps) {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        recorder = new FFmpegFrameRecorder(sink, width, height, 0);
        recorder.setFormat("h264");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(fps);
        recorder.setVideoBitrate(width * height * 2);
        recorder.setOption("flush_packets", "1");
        try {
            // not start(): it holds a JVM-wide lock on avcodec for the whole call, which an RTSP client opening a
            // stream in the same JVM also takes; FFmpeg itself has been thread-safe there for years
            recorder.startUnsafe();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot start the H.264 encoder: " + e.getMessage(), e);
        }
    }

    /** The NAL units (without start codes) of this picture. */
    synchronized List<byte[]> encode(BufferedImage picture) {
        try {
            recorder.record(converter.convert(picture), avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("H.264 encoding failed: " + e.getMessage(), e);
        }
        byte[] bytes = sink.toByteArray();
        sink.reset();
        return nalUnits(bytes);
    }

    /** Splits an Annex B byte stream at its start codes (00 00 01 or 00 00 00 01). */
    static List<byte[]> nalUnits(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    units.add(trimmed(stream, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            units.add(java.util.Arrays.copyOfRange(stream, start, stream.length));
        }
        return units;
    }

    /** Drops the zero byte a four-byte start code leaves at the end of the previous unit. */
    private static byte[] trimmed(byte[] stream, int from, int to) {
        int end = to;
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        return java.util.Arrays.copyOfRange(stream, from, end);
    }

    @Override
    public synchronized void close() {
        try {
            recorder.releaseUnsafe();
        } catch (FrameRecorder.Exception e) {
            // closing an encoder that failed: nothing left to release
        }
    }
}
