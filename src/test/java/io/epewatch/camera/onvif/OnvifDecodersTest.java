package io.epewatch.camera.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ONVIF answers as gSOAP camera firmware sends them (fixtures in src/test/resources/onvif, see NOTICE.md there). */
class OnvifDecodersTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = OnvifDecodersTest.class.getResourceAsStream("/onvif/" + name + ".xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    @DisplayName("R1.8 device information gives the model and firmware to hold against the declared specs")
    void deviceInformation() throws IOException {
        assertThat(DeviceInformation.decode(fixture("GetDeviceInformation")))
                .isEqualTo(new DeviceInformation("Mockup Manufacturer", "Mockup Model", "Mockup_15_14_13", "00000000", "MOCKUP"));
    }

    @Test
    @DisplayName("R1.8 profiles give encoding, resolution and frame rate")
    void profiles() throws IOException {
        assertThat(MediaProfile.decodeAll(fixture("GetProfiles")))
                .containsExactly(new MediaProfile("main", "main", "H264", 1920, 1080, 5));
    }

    @Test
    void streamAndSnapshotUris() throws IOException {
        assertThat(MediaUris.decode(fixture("GetStreamUri"))).isEqualTo(URI.create("rtsp://192.168.68.111/h264main"));
        assertThat(MediaUris.decode(fixture("GetSnapshotUri")).getQuery()).isEqualTo("resolution=800x600&compression=20&camera=1");
    }

    @Test
    void cameraClock() throws IOException {
        assertThat(CameraClock.decode(fixture("GetSystemDateAndTime"))).isEqualTo(Instant.parse("2014-12-24T19:14:37Z"));
    }

    @Test
    void aSoapFaultBecomesAnErrorNamingCodeAndReason() {
        assertThatThrownBy(() -> DeviceInformation.decode(fixture("Error")))
                .isInstanceOf(OnvifException.class)
                .hasMessage("camera answered a SOAP fault: fault code / ter:fault subcode: fault reason");
    }

    @Test
    @DisplayName("an XXE payload in an ONVIF answer is refused and no file is read")
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Envelope><Body><GetDeviceInformationResponse><Manufacturer>&x;</Manufacturer><Model>m</Model>
                </GetDeviceInformationResponse></Body></Envelope>""";
        assertThatThrownBy(() -> DeviceInformation.decode(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OnvifException.class).hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Envelope><Model>&c;</Model></Envelope>";
        assertThatThrownBy(() -> SafeXml.parse(laughs.getBytes(StandardCharsets.UTF_8))).isInstanceOf(OnvifException.class);
    }

    @Test
    void malformedAndOversizedAnswersAreRefused() {
        assertThatThrownBy(() -> MediaUris.decode("<Envelope><Body>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OnvifException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> SafeXml.parse(new byte[SafeXml.MAX_BYTES + 1])).hasMessageContaining("larger than");
        assertThatThrownBy(() -> MediaUris.decode("<Envelope><Body><GetStreamUriResponse/></Body></Envelope>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no Uri");
    }

    @Test
    @DisplayName("the WS-UsernameToken digest matches the ONVIF programmer's guide example")
    void usernameTokenDigest() {
        UsernameToken token = UsernameToken.of("admin", "userpassword", Base64.getDecoder().decode("LKqI6G/AikKCQrN0zqZFlg=="),
                Instant.parse("2010-09-16T07:50:45Z"));
        assertThat(token.digest()).isEqualTo("tuOSpGlFlIXsozq4HFNeeGeFLEI=");
        assertThat(token.header()).contains("<wsse:Username>admin</wsse:Username>").contains("tuOSpGlFlIXsozq4HFNeeGeFLEI=")
                .contains("<wsu:Created>2010-09-16T07:50:45Z</wsu:Created>").doesNotContain("userpassword");
        assertThat(UsernameToken.of("a<b", "p", new byte[16], Instant.EPOCH).header()).contains("a&lt;b");
        assertThat(token.toString()).doesNotContain(token.digest());
    }
}
