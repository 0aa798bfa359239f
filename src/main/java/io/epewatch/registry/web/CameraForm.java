package io.epewatch.registry.web;

import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraInput;
import io.epewatch.registry.CameraSpecs;

/** The camera form, with the datasheet values that Appendix I is checked against (R1.8). */
public class CameraForm {

    private String number;
    private Long locationId;
    private String streamUrl;
    private String snapshotUrl;
    private String onvifUrl;
    private String onvifProfile;
    private String rtspTransport;
    private String direction;
    private String sensorFormat;
    private String sensorType;
    private String dayNight;
    private String resolutionWidth;
    private String resolutionHeight;
    private String whiteBalance;
    private String compressions;
    private String focalMinMm;
    private String focalMaxMm;
    private String horizontalViewDeg;
    private String frameRate;
    private String protocols;
    private String backlightDb;
    private String ipRating;
    private String maxOperatingTempC;
    private String minIlluminationColorLux;
    private String minIlluminationIrLux;
    private String onvif;
    private String safetyStandards;

    static CameraForm of(Camera camera) {
        CameraForm f = new CameraForm();
        CameraSpecs s = camera.specs();
        f.number = camera.number();
        f.locationId = camera.locationId();
        f.streamUrl = camera.streamUrl();
        f.snapshotUrl = camera.snapshotUrl();
        f.onvifUrl = camera.onvifUrl();
        f.onvifProfile = camera.onvifProfile();
        f.rtspTransport = camera.rtspTransport() == null ? null : camera.rtspTransport().name();
        f.direction = camera.direction();
        f.sensorFormat = s.sensorFormat();
        f.sensorType = s.sensorType();
        f.dayNight = text(s.dayNight());
        f.resolutionWidth = text(s.resolutionWidth());
        f.resolutionHeight = text(s.resolutionHeight());
        f.whiteBalance = text(s.whiteBalance());
        f.compressions = String.join(", ", s.compressions());
        f.focalMinMm = text(s.focalMinMm());
        f.focalMaxMm = text(s.focalMaxMm());
        f.horizontalViewDeg = text(s.horizontalViewDeg());
        f.frameRate = text(s.frameRate());
        f.protocols = String.join(", ", s.protocols());
        f.backlightDb = text(s.backlightDb());
        f.ipRating = s.ipRating();
        f.maxOperatingTempC = text(s.maxOperatingTempC());
        f.minIlluminationColorLux = text(s.minIlluminationColorLux());
        f.minIlluminationIrLux = text(s.minIlluminationIrLux());
        f.onvif = text(s.onvif());
        f.safetyStandards = String.join(", ", s.safetyStandards());
        return f;
    }

    CameraInput toInput() {
        InputCheck c = new InputCheck();
        CameraSpecs specs = new CameraSpecs(blank(sensorFormat), blank(sensorType), FormValues.yesNo(dayNight),
                c.parseOptional("resolutionWidth", resolutionWidth, FormValues::integer),
                c.parseOptional("resolutionHeight", resolutionHeight, FormValues::integer),
                FormValues.yesNo(whiteBalance), FormValues.list(compressions),
                c.parseOptional("focalMinMm", focalMinMm, FormValues::decimal),
                c.parseOptional("focalMaxMm", focalMaxMm, FormValues::decimal),
                c.parseOptional("horizontalViewDeg", horizontalViewDeg, FormValues::decimal),
                c.parseOptional("frameRate", frameRate, FormValues::integer), FormValues.list(protocols),
                c.parseOptional("backlightDb", backlightDb, FormValues::integer), blank(ipRating),
                c.parseOptional("maxOperatingTempC", maxOperatingTempC, FormValues::integer),
                c.parseOptional("minIlluminationColorLux", minIlluminationColorLux, FormValues::decimal),
                c.parseOptional("minIlluminationIrLux", minIlluminationIrLux, FormValues::decimal),
                FormValues.yesNo(onvif), FormValues.list(safetyStandards));
        c.throwIfAny();
        return new CameraInput(number, locationId, streamUrl, snapshotUrl, onvifUrl, direction, specs, onvifProfile, rtspTransport);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public Long getLocationId() { return locationId; }
    public void setLocationId(Long v) { locationId = v; }
    public String getStreamUrl() { return streamUrl; }
    public void setStreamUrl(String v) { streamUrl = v; }
    public String getSnapshotUrl() { return snapshotUrl; }
    public void setSnapshotUrl(String v) { snapshotUrl = v; }
    public String getOnvifUrl() { return onvifUrl; }
    public void setOnvifUrl(String v) { onvifUrl = v; }
    public String getOnvifProfile() { return onvifProfile; }
    public void setOnvifProfile(String v) { onvifProfile = v; }
    public String getRtspTransport() { return rtspTransport; }
    public void setRtspTransport(String v) { rtspTransport = v; }
    public String getDirection() { return direction; }
    public void setDirection(String v) { direction = v; }
    public String getSensorFormat() { return sensorFormat; }
    public void setSensorFormat(String v) { sensorFormat = v; }
    public String getSensorType() { return sensorType; }
    public void setSensorType(String v) { sensorType = v; }
    public String getDayNight() { return dayNight; }
    public void setDayNight(String v) { dayNight = v; }
    public String getResolutionWidth() { return resolutionWidth; }
    public void setResolutionWidth(String v) { resolutionWidth = v; }
    public String getResolutionHeight() { return resolutionHeight; }
    public void setResolutionHeight(String v) { resolutionHeight = v; }
    public String getWhiteBalance() { return whiteBalance; }
    public void setWhiteBalance(String v) { whiteBalance = v; }
    public String getCompressions() { return compressions; }
    public void setCompressions(String v) { compressions = v; }
    public String getFocalMinMm() { return focalMinMm; }
    public void setFocalMinMm(String v) { focalMinMm = v; }
    public String getFocalMaxMm() { return focalMaxMm; }
    public void setFocalMaxMm(String v) { focalMaxMm = v; }
    public String getHorizontalViewDeg() { return horizontalViewDeg; }
    public void setHorizontalViewDeg(String v) { horizontalViewDeg = v; }
    public String getFrameRate() { return frameRate; }
    public void setFrameRate(String v) { frameRate = v; }
    public String getProtocols() { return protocols; }
    public void setProtocols(String v) { protocols = v; }
    public String getBacklightDb() { return backlightDb; }
    public void setBacklightDb(String v) { backlightDb = v; }
    public String getIpRating() { return ipRating; }
    public void setIpRating(String v) { ipRating = v; }
    public String getMaxOperatingTempC() { return maxOperatingTempC; }
    public void setMaxOperatingTempC(String v) { maxOperatingTempC = v; }
    public String getMinIlluminationColorLux() { return minIlluminationColorLux; }
    public void setMinIlluminationColorLux(String v) { minIlluminationColorLux = v; }
    public String getMinIlluminationIrLux() { return minIlluminationIrLux; }
    public void setMinIlluminationIrLux(String v) { minIlluminationIrLux = v; }
    public String getOnvif() { return onvif; }
    public void setOnvif(String v) { onvif = v; }
    public String getSafetyStandards() { return safetyStandards; }
    public void setSafetyStandards(String v) { safetyStandards = v; }
}
