package io.epewatch.incident.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.epewatch.incident.AppendixII;
import io.epewatch.incident.Incident;
import io.epewatch.incident.IncidentTimeline;

/**
 * The letters an EPE sends about an incident, filled from what it filed: the Appendix II notification (R2.3, R2.4),
 * worded as the form of Decision 247, and the late notice once the deadline has passed.
 */
public final class IncidentLetters {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private IncidentLetters() {
    }

    /** The Appendix II notification; {@code subDepartment} is the customs unit that manages the EPE. */
    public static OfficialLetter appendixII(Incident incident, String subDepartment) {
        AppendixII n = incident.notice();
        List<OfficialLetter.Paragraph> body = new ArrayList<>();
        body.add(OfficialLetter.Paragraph.answer("Căn cứ quy định tại Quyết định số 247/QĐ-TCHQ ngày 02/03/2022 của Tổng cục "
                + "Hải quan, " + n.enterpriseName() + " thông báo sự cố hệ thống ca-mê-ra giám sát tại DNCX đối với hàng hóa "
                + "chịu sự giám sát của cơ quan Hải quan như sau:"));
        body.add(OfficialLetter.Paragraph.question("1. Tên, địa chỉ, mã số thuế của Doanh nghiệp chịu sự giám sát của cơ quan Hải quan:"));
        body.add(OfficialLetter.Paragraph.answer(n.enterpriseName() + "; " + n.address() + "; mã số thuế " + n.taxCode()));
        body.add(OfficialLetter.Paragraph.question("2. Mô tả hiện trạng, nguyên nhân sự cố kỹ thuật (vị trí, số lượng theo sơ đồ đã "
                + "cung cấp cho cơ quan hải quan):"));
        body.add(OfficialLetter.Paragraph.answer(n.description() + "\nCa-mê-ra theo sơ đồ: " + String.join(", ", n.affectedCameras())
                + " (" + n.affectedCameras().size() + " ca-mê-ra)" + (incident.planned() ? "\nCông việc có kế hoạch, đã thông báo trước." : "")));
        body.add(OfficialLetter.Paragraph.question("3. Ảnh hưởng của sự cố liên quan đến công tác giám sát của cơ quan Hải quan:"));
        body.add(OfficialLetter.Paragraph.answer(n.effect()));
        body.add(OfficialLetter.Paragraph.question("4. Thời gian dự kiến để khắc phục xong sự cố:"));
        body.add(OfficialLetter.Paragraph.answer(n.expectedRestoration() == null ? null : local(n.expectedRestoration())));
        body.add(OfficialLetter.Paragraph.question("5. Đầu mối kỹ thuật của nhân viên kỹ thuật của doanh nghiệp trong trường hợp cần liên hệ:"));
        body.add(OfficialLetter.Paragraph.answer(join(n.technicalContactName(), n.technicalContactPhone())));
        body.add(OfficialLetter.Paragraph.answer(n.enterpriseName() + " thông báo để quý " + subDepartment + " được biết./."));
        return letter(incident, "TB-SC", incident.notifiedAt(), "Về sự cố hệ thống ca-mê-ra giám sát của doanh nghiệp chế xuất",
                body, subDepartment);
    }

    /** The notice that restoration is late: the reason and the new expected date (R2.3, R2.4). */
    public static OfficialLetter lateNotice(Incident incident, Incident.LateNotice late, String subDepartment) {
        AppendixII n = incident.notice();
        List<OfficialLetter.Paragraph> body = new ArrayList<>();
        body.add(OfficialLetter.Paragraph.answer(n.enterpriseName() + " (mã số thuế " + n.taxCode() + ") đã thông báo sự cố hệ "
                + "thống ca-mê-ra giám sát ngày " + date(IncidentTimeline.day(incident.notifiedAt())) + " ("
                + String.join(", ", n.affectedCameras()) + "); thời hạn khắc phục là ngày " + date(incident.deadline())
                + ". Đến nay doanh nghiệp chưa hoàn thành việc phục hồi hoạt động của hệ thống, xin thông báo:"));
        body.add(OfficialLetter.Paragraph.question("1. Lý do cụ thể:"));
        body.add(OfficialLetter.Paragraph.answer(late.reason()));
        body.add(OfficialLetter.Paragraph.question("2. Dự kiến thời gian hoàn thành:"));
        body.add(OfficialLetter.Paragraph.answer(local(late.newExpected())));
        body.add(OfficialLetter.Paragraph.answer(n.enterpriseName() + " thông báo để quý " + subDepartment + " được biết./."));
        return letter(incident, "TB-CKP", late.at(), "Về việc chậm khắc phục sự cố hệ thống ca-mê-ra giám sát", body,
                subDepartment);
    }

    private static OfficialLetter letter(Incident incident, String kind, Instant at, String subject,
                                         List<OfficialLetter.Paragraph> body, String subDepartment) {
        LocalDate day = IncidentTimeline.day(at);
        return new OfficialLetter(incident.notice().enterpriseName().toUpperCase(VIETNAMESE), incident.id() + "/" + kind,
                "……, ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng " + String.format("%02d", day.getMonthValue())
                        + " năm " + day.getYear(),
                "THÔNG BÁO", subject, body, List.of(subDepartment + ";", "Lưu: VT."),
                "ĐẠI DIỆN THEO PHÁP LUẬT\nCỦA DOANH NGHIỆP", "(Ký, ghi rõ họ tên, đóng dấu)");
    }

    private static String local(Instant at) {
        return TIME.format(at.atZone(IncidentTimeline.VIETNAM));
    }

    private static String date(LocalDate day) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }

    private static String join(String name, String phone) {
        return (name == null ? "" : name) + (phone == null || phone.isBlank() ? "" : " — điện thoại " + phone);
    }
}
