package io.epewatch.registry;

import java.util.List;
import java.util.Set;

/**
 * A camera as numbered on the EPE's site diagram (R1.4).
 *
 * @param number    the number on the diagram, unique within the enterprise
 * @param onvifUrl  the ONVIF device service address, when the camera speaks ONVIF
 * @param direction for gate cameras, which passage it sees: IN, OUT or BOTH
 * @param locationGoods what the watched location holds
 * @param onvifProfile  which profile of the ONVIF device this camera is (a token, or a recorder's channel from 1); null: the first
 * @param rtspTransport how its RTSP stream is carried; null: the system's default
 * @param retiredAt     when it was taken out of service: no longer watched, and no longer covers its location (R1.1, R1.3)
 */
public record Camera(long id, String enterpriseTaxCode, String number, long locationId, String locationName,
                     LocationKind locationKind, String streamUrl, String snapshotUrl, String onvifUrl, String direction,
                     CameraSpecs specs, Set<GoodsKind> locationGoods, String onvifProfile, RtspTransport rtspTransport,
                     java.time.Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }

    /** R1.7: whether customs must receive this camera's images online. */
    public boolean mustConnectOnline() {
        return locationKind.mustConnectOnline();
    }

    public List<AppendixIRow> appendixI() {
        return AppendixI.evaluate(specs);
    }

    /** How many Appendix I rows the EPE has not declared yet: customs cannot confirm conformity without them. */
    public long appendixIUndeclared() {
        return appendixI().stream().filter(row -> row.verdict() == AppendixIRow.Verdict.NOT_DECLARED).count();
    }

    public List<AppendixIRow> appendixIFailures() {
        return appendixI().stream().filter(AppendixIRow::failed).toList();
    }
}
