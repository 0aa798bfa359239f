package io.epewatch.simulator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * RTP packets for one H.264 stream (RFC 3550 header, RFC 6184 payload): a NAL unit that fits goes whole; a larger
 * one is cut into FU-A fragments. The marker bit closes each picture.
 */
final class RtpPacketizer {

    static final int PAYLOAD_TYPE = 96;
    private static final int MAX_PAYLOAD = 1400;

    private final int ssrc;
    private int sequence;

    RtpPacketizer(int ssrc, int firstSequence) {
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
    }

    int nextSequence() {
        return sequence;
    }

    List<byte[]> packets(List<byte[]> picture, long timestamp90k) {
        return packets(picture, timestamp90k, null);
    }

    /**
     * The packets of one picture of a replayed recording: its first packet carries the ONVIF replay header extension
     * (profile 0xABAC, ONVIF Streaming Specification 6.3) with the moment the picture was recorded, as NTP time, and
     * C set on key frames (a clean point).
     */
    List<byte[]> packets(List<byte[]> picture, long timestamp90k, java.time.Instant recordedAt) {
        List<byte[]> packets = new ArrayList<>();
        byte[] extension = recordedAt == null ? null : replayExtension(recordedAt,
                picture.stream().anyMatch(nal -> (nal[0] & 0x1F) == 5));
        for (int n = 0; n < picture.size(); n++) {
            byte[] nal = picture.get(n);
            boolean lastNal = n == picture.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                packets.add(packet(timestamp90k, lastNal, nal, 0, nal.length, null, n == 0 ? extension : null));
                continue;
            }
            byte indicator = (byte) ((nal[0] & 0xE0) | 28);
            int type = nal[0] & 0x1F;
            for (int offset = 1; offset < nal.length; offset += MAX_PAYLOAD - 2) {
                int length = Math.min(MAX_PAYLOAD - 2, nal.length - offset);
                boolean first = offset == 1;
                boolean last = offset + length >= nal.length;
                byte header = (byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
                packets.add(packet(timestamp90k, lastNal && last, nal, offset, length, new byte[] {indicator, header},
                        n == 0 && first ? extension : null));
            }
        }
        return packets;
    }

    /** 0xABAC, 3 words: NTP seconds and fraction, then C/E/D flags, CSeq and padding. */
    private static byte[] replayExtension(java.time.Instant at, boolean cleanPoint) {
        long seconds = at.getEpochSecond() + 2_208_988_800L; // NTP counts from 1900
        long fraction = (long) (at.getNano() / 1e9 * (1L << 32));
        ByteBuffer extension = ByteBuffer.allocate(16);
        extension.putShort((short) 0xABAC).putShort((short) 3);
        extension.putInt((int) seconds).putInt((int) fraction);
        extension.put((byte) (cleanPoint ? 0x80 : 0)).put((byte) 0).putShort((short) 0);
        return extension.array();
    }

    private byte[] packet(long timestamp, boolean marker, byte[] nal, int offset, int length, byte[] fuPrefix, byte[] extension) {
        int prefix = fuPrefix == null ? 0 : fuPrefix.length;
        int extra = extension == null ? 0 : extension.length;
        ByteBuffer packet = ByteBuffer.allocate(12 + extra + prefix + length);
        packet.put((byte) (extension == null ? 0x80 : 0x90));
        packet.put((byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE));
        packet.putShort((short) sequence);
        sequence = (sequence + 1) & 0xFFFF;
        packet.putInt((int) timestamp);
        packet.putInt(ssrc);
        if (extension != null) {
            packet.put(extension);
        }
        if (fuPrefix != null) {
            packet.put(fuPrefix);
        }
        packet.put(nal, offset, length);
        return packet.array();
    }
}
