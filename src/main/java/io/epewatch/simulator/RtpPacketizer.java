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
        List<byte[]> packets = new ArrayList<>();
        for (int n = 0; n < picture.size(); n++) {
            byte[] nal = picture.get(n);
            boolean lastNal = n == picture.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                packets.add(packet(timestamp90k, lastNal, nal, 0, nal.length, null));
                continue;
            }
            byte indicator = (byte) ((nal[0] & 0xE0) | 28);
            int type = nal[0] & 0x1F;
            for (int offset = 1; offset < nal.length; offset += MAX_PAYLOAD - 2) {
                int length = Math.min(MAX_PAYLOAD - 2, nal.length - offset);
                boolean first = offset == 1;
                boolean last = offset + length >= nal.length;
                byte header = (byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
                packets.add(packet(timestamp90k, lastNal && last, nal, offset, length, new byte[] {indicator, header}));
            }
        }
        return packets;
    }

    private byte[] packet(long timestamp, boolean marker, byte[] nal, int offset, int length, byte[] fuPrefix) {
        int prefix = fuPrefix == null ? 0 : fuPrefix.length;
        ByteBuffer packet = ByteBuffer.allocate(12 + prefix + length);
        packet.put((byte) 0x80);
        packet.put((byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE));
        packet.putShort((short) sequence);
        sequence = (sequence + 1) & 0xFFFF;
        packet.putInt((int) timestamp);
        packet.putInt(ssrc);
        if (fuPrefix != null) {
            packet.put(fuPrefix);
        }
        packet.put(nal, offset, length);
        return packet.array();
    }
}
