package io.epewatch.camera.archive;

import java.nio.file.Path;

import io.epewatch.camera.connector.CameraFailure;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Puts a replayed H.264 stream into a container without decoding it (FFmpeg stream copy): MP4 with its index up
 * front for evidence (any player opens it), or HLS for playing in the page. The pictures stay the recorder's own.
 */
final class Remux {

    private Remux() {
    }

    /** An MP4 file of the stream, its index at the start (faststart). */
    static void toMp4(Path h264, int fps, Path mp4) throws CameraFailure {
        copy(h264, fps, mp4.toString(), "mp4", recorder -> recorder.setOption("movflags", "+faststart"));
    }

    /** An HLS playlist {@code index.m3u8} with 4-second MPEG-TS segments, in {@code folder}. */
    static void toHls(Path h264, int fps, Path folder) throws CameraFailure {
        copy(h264, fps, folder.resolve("index.m3u8").toString(), "hls", recorder -> {
            recorder.setOption("hls_time", "4");
            recorder.setOption("hls_list_size", "0");
            recorder.setOption("hls_playlist_type", "vod");
            recorder.setOption("hls_segment_filename", folder.resolve("segment%04d.ts").toString());
        });
    }

    private interface Options {
        void set(FFmpegFrameRecorder recorder);
    }

    private static void copy(Path h264, int fps, String output, String format, Options options) throws CameraFailure {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(h264.toFile());
        grabber.setFormat("h264");
        grabber.setOption("framerate", String.valueOf(fps));
        try {
            grabber.startUnsafe();
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output, grabber.getImageWidth(), grabber.getImageHeight(), 0);
            recorder.setFormat(format);
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(fps);
            options.set(recorder);
            try {
                recorder.start(grabber.getFormatContext());
                org.bytedeco.ffmpeg.avutil.AVRational base = grabber.getFormatContext().streams(0).time_base();
                long period = Math.max(1, base.den() / ((long) base.num() * fps));
                long index = 0;
                for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
                    // a raw stream has no times of its own, and no B-frames: each picture one frame period after the last
                    packet.pts(index * period).dts(index * period);
                    index++;
                    recorder.recordPacket(packet);
                }
            } finally {
                recorder.stop();
                recorder.release();
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the replayed stream could not be put in " + format + ": " + e.getMessage());
        } finally {
            try {
                grabber.releaseUnsafe();
            } catch (FrameGrabber.Exception e) {
                // nothing left to release
            }
        }
    }
}
