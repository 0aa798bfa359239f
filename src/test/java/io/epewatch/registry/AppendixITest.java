package io.epewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.epewatch.registry.AppendixIRow.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppendixITest {

    static CameraSpecs conforming() {
        return new CameraSpecs("1/2.8", "CMOS", true, 1920, 1080, true, List.of("H.265+"), 2.8, 12.0, 105.0, 30,
                List.of("IPv4"), 146, "IP67", 60, 0.0225, 0.0, true, List.of("EN 60950-1"));
    }

    @Test
    @DisplayName("R1.8 a camera that meets every minimum passes all 15 rows")
    void conformingCameraPassesAllRows() {
        List<AppendixIRow> rows = AppendixI.evaluate(conforming());
        assertThat(rows).hasSize(15).extracting(AppendixIRow::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(rows).allMatch(row -> row.verdict() == Verdict.PASS);
    }

    @Test
    @DisplayName("R1.8 a 720p, 25 fps, 120 dB, IP66 camera fails rows 3, 8, 10 and 11")
    void weakCameraFailsTheRowsItMisses() {
        CameraSpecs weak = new CameraSpecs("1/2.8", "CMOS", true, 1280, 720, true, List.of("H.264"), 2.8, 12.0, 105.0, 25,
                List.of("TCP"), 120, "IP66", 60, 0.01, 0.0, true, List.of("cUL 60950-1"));
        assertThat(AppendixI.evaluate(weak)).filteredOn(AppendixIRow::failed).extracting(AppendixIRow::number)
                .containsExactly(3, 8, 10, 11);
    }

    @Test
    @DisplayName("R1.8 backlight needs 146 dB at 1080p but 120 dB is enough at 1440p")
    void backlightThresholdDependsOnResolution() {
        CameraSpecs qhd = new CameraSpecs("1/2.8", "CMOS", true, 2560, 1440, true, List.of("H.265"), 2.8, 12.0, 105.0, 30,
                List.of("IPv4"), 120, "IP68", 65, 0.0, 0.0, true, List.of("CAN/CSA-C22.2 No.60950-1-07"));
        assertThat(AppendixI.evaluate(qhd)).allMatch(row -> row.verdict() == Verdict.PASS);
    }

    @Test
    void largerSensorsPassSmallerFail() {
        assertThat(AppendixI.sensorAtLeast("1/2.7\"", 1 / 2.8)).isTrue();
        assertThat(AppendixI.sensorAtLeast("1/1.8", 1 / 2.8)).isTrue();
        assertThat(AppendixI.sensorAtLeast("1/3", 1 / 2.8)).isFalse();
        assertThat(AppendixI.sensorAtLeast("nonsense", 1 / 2.8)).isFalse();
    }

    @Test
    void undeclaredSpecsAreReportedNotGuessed() {
        assertThat(AppendixI.evaluate(CameraSpecs.none())).allMatch(row -> row.verdict() == Verdict.NOT_DECLARED);
    }

    @Test
    void ipRatingComparesBothDigits() {
        assertThat(AppendixI.ipAtLeast67("IP67")).isTrue();
        assertThat(AppendixI.ipAtLeast67("ip68")).isTrue();
        assertThat(AppendixI.ipAtLeast67("IP66")).isFalse();
        assertThat(AppendixI.ipAtLeast67("IP57")).isFalse();
        assertThat(AppendixI.ipAtLeast67("waterproof")).isFalse();
    }
}
