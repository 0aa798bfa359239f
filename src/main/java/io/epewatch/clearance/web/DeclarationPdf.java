package io.epewatch.clearance.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.epewatch.clearance.Assessment;
import io.epewatch.clearance.Dossier;
import io.epewatch.clearance.DossierInput;
import io.epewatch.clearance.DossierStep;
import io.epewatch.declaration.DeclarationInput.VehicleInput;
import io.epewatch.declaration.Seal;
import io.epewatch.kernel.PdfPages;

/**
 * A declaration printed for the declarant's file (R5.3): the VNACCS heading (number, type code, lane), the computed
 * values, the goods, vehicles and seals, and the customs answers so far. Vietnamese, as the printed form is.
 */
final class DeclarationPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private DeclarationPdf() {
    }

    static byte[] of(Dossier d, List<DossierStep> steps) {
        try (PdfPages pdf = new PdfPages(10, 14, 50, 40, 50)) {
            float width = pdf.textWidth();
            pdf.centred("TỜ KHAI HÀNG HÓA " + (d.direction().name().equals("EXPORT") ? "XUẤT KHẨU" : "NHẬP KHẨU"),
                    pdf.left(), width, true);
            pdf.centred("(" + stateWords(d) + ")", pdf.left(), width, false);
            pdf.y -= pdf.leading() / 2;
            DossierInput body = d.body();
            field(pdf, "Số tờ khai", d.number());
            field(pdf, "Mã loại hình", d.typeCode());
            field(pdf, "Mã số thuế doanh nghiệp", d.enterpriseTaxCode());
            field(pdf, "Người khai", d.declarant());
            field(pdf, "Phân luồng", d.lane() == null ? "chưa đăng ký" : switch (d.lane()) {
                case GREEN -> "1 — xanh";
                case YELLOW -> "2 — vàng";
                case RED -> "3 — đỏ";
            });
            field(pdf, "Ngày khai", time(d.filedAt()));
            field(pdf, "Ngày đăng ký", time(d.registeredAt()));
            field(pdf, "Hạn trả lời của hải quan", time(d.dueAt()));
            field(pdf, "Thông quan", time(d.clearedAt()));
            field(pdf, "Số hóa đơn", body.invoiceNumber());
            field(pdf, "Số vận đơn", body.transportDocument());
            Assessment a = d.assessment();
            field(pdf, "Tổng trị giá hóa đơn", a.totalValue().toPlainString() + " " + a.currency()
                    + " (tỷ giá " + a.exchangeRate().toPlainString() + ")");
            field(pdf, "Trị giá tính bằng đồng", a.totalValueVnd().toPlainString());
            field(pdf, "Thuế", a.dutyVnd().toPlainString() + " — " + a.dutyBasis());
            field(pdf, "Lệ phí", a.feeVnd().toPlainString() + (d.feesPaidAt() == null ? " (chưa nộp)" : " (đã nộp)"));
            pdf.y -= pdf.leading() / 2;
            pdf.line("Hàng hóa", pdf.left(), true);
            int n = 0;
            for (DossierInput.Line l : body.goods()) {
                pdf.wrapped(++n + ". " + l.hsCode() + " — " + l.description() + " — " + l.quantity() + " " + l.unit()
                        + " × " + l.unitPrice() + " " + a.currency() + " — xuất xứ " + l.origin(), false);
            }
            if (body.vehicles() != null && !body.vehicles().isEmpty()) {
                pdf.line("Phương tiện", pdf.left(), true);
                for (VehicleInput v : body.vehicles()) {
                    pdf.wrapped(v.plate() + (v.containerNumbers() == null || v.containerNumbers().isEmpty() ? ""
                            : ": " + String.join(", ", v.containerNumbers())), false);
                }
            }
            if (!d.seals().isEmpty()) {
                pdf.line("Niêm phong hải quan", pdf.left(), true);
                for (Seal s : d.seals()) {
                    pdf.wrapped(s.containerNumber() + ": " + s.sealNumber(), false);
                }
            }
            pdf.y -= pdf.leading() / 2;
            pdf.line("Phản hồi của hải quan", pdf.left(), true);
            for (DossierStep s : steps) {
                pdf.wrapped(time(s.at()) + "  " + s.step() + " → " + s.state() + "  (" + s.actor() + ")"
                        + (s.reason() == null ? "" : ": " + s.reason()), false);
            }
            return pdf.bytes();
        }
    }

    private static void field(PdfPages pdf, String label, String value) {
        if (value != null && !value.isBlank()) {
            pdf.wrapped(label + ": " + value, false);
        }
    }

    private static String time(java.time.Instant at) {
        return at == null ? null : TIME.format(at);
    }

    private static String stateWords(Dossier d) {
        return switch (d.state()) {
            case PROVISIONAL -> "khai tạm, chưa đăng ký";
            case DOCUMENT_CHECK -> "chờ kiểm tra hồ sơ";
            case INSPECTION_ORDER, INSPECTION -> "chờ kiểm tra thực tế";
            case HELD -> "tạm dừng";
            case FEES_DUE -> "chờ nộp lệ phí";
            case RELEASED -> "giải phóng hàng";
            case CLEARED -> "đã thông quan";
            case PASSED -> "đã qua khu vực giám sát";
            case CANCELLED -> "đã hủy";
            case REPLACED -> "đã thay thế bởi " + d.replacedBy();
        };
    }
}
