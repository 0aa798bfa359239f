package io.epewatch.camera.onvif;

/** What {@code GetDeviceInformation} says about the device: held against the EPE's declared specs (R1.8). */
public record DeviceInformation(String manufacturer, String model, String firmwareVersion, String serialNumber,
                                String hardwareId) {

    static DeviceInformation decode(byte[] response) {
        var body = SoapFaults.parseOrThrow(response);
        return new DeviceInformation(SafeXml.required(body, "Manufacturer"), SafeXml.required(body, "Model"),
                SafeXml.text(body, "FirmwareVersion"), SafeXml.text(body, "SerialNumber"), SafeXml.text(body, "HardwareId"));
    }
}
