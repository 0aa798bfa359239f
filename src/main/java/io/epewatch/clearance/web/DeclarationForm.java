package io.epewatch.clearance.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.epewatch.clearance.DossierInput;
import io.epewatch.declaration.DeclarationInput.VehicleInput;

/**
 * The portal's declaration form (IDA/EDA). Its fields carry the names the checks report problems under
 * ({@code goods[2].hsCode}), so that each refusal stands beside its field.
 */
public class DeclarationForm {

    /** Rows the form offers; a declaration with more lines is filed by upload or over the API. */
    static final int LINES = 8;
    static final int VEHICLES = 4;

    private String reference;
    private String direction = "EXPORT";
    private String typeCode;
    private String enterpriseTaxCode;
    private String invoiceNumber;
    private String currency = "USD";
    private String transportDocument;
    private String reason;
    private List<Line> goods = rows(LINES, Line::new);
    private List<Vehicle> vehicles = rows(VEHICLES, Vehicle::new);

    /** One goods line, as typed. */
    public static class Line {
        private String hsCode;
        private String description;
        private String quantity;
        private String unit;
        private String unitPrice;
        private String origin;
        private String netWeightKg;
        private String grossWeightKg;

        boolean blank() {
            return allBlank(hsCode, description, quantity, unit, unitPrice, origin, netWeightKg, grossWeightKg);
        }

        public String getHsCode() { return hsCode; }
        public void setHsCode(String v) { hsCode = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String v) { quantity = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
        public String getUnitPrice() { return unitPrice; }
        public void setUnitPrice(String v) { unitPrice = v; }
        public String getOrigin() { return origin; }
        public void setOrigin(String v) { origin = v; }
        public String getNetWeightKg() { return netWeightKg; }
        public void setNetWeightKg(String v) { netWeightKg = v; }
        public String getGrossWeightKg() { return grossWeightKg; }
        public void setGrossWeightKg(String v) { grossWeightKg = v; }
    }

    /** A vehicle and its containers, the containers typed with commas or spaces between them. */
    public static class Vehicle {
        private String plate;
        private String containers;

        boolean blank() {
            return allBlank(plate, containers);
        }

        public String getPlate() { return plate; }
        public void setPlate(String v) { plate = v; }
        public String getContainers() { return containers; }
        public void setContainers(String v) { containers = v; }
    }

    /** The form filled with a filed declaration, to amend it. */
    static DeclarationForm of(DossierInput input) {
        DeclarationForm f = new DeclarationForm();
        f.reference = input.reference();
        f.direction = input.direction();
        f.typeCode = input.typeCode();
        f.enterpriseTaxCode = input.enterpriseTaxCode();
        f.invoiceNumber = input.invoiceNumber();
        f.currency = input.currency();
        f.transportDocument = input.transportDocument();
        List<DossierInput.Line> lines = input.goods() == null ? List.of() : input.goods();
        f.goods = rows(Math.max(LINES, lines.size() + 1), Line::new);
        for (int i = 0; i < lines.size(); i++) {
            DossierInput.Line l = lines.get(i);
            Line row = f.goods.get(i);
            if (l != null) {
                row.hsCode = l.hsCode();
                row.description = l.description();
                row.quantity = l.quantity();
                row.unit = l.unit();
                row.unitPrice = l.unitPrice();
                row.origin = l.origin();
                row.netWeightKg = l.netWeightKg();
                row.grossWeightKg = l.grossWeightKg();
            }
        }
        List<VehicleInput> vs = input.vehicles() == null ? List.of() : input.vehicles();
        f.vehicles = rows(Math.max(VEHICLES, vs.size() + 1), Vehicle::new);
        for (int i = 0; i < vs.size(); i++) {
            if (vs.get(i) != null) {
                f.vehicles.get(i).plate = vs.get(i).plate();
                f.vehicles.get(i).containers = vs.get(i).containerNumbers() == null ? null
                        : String.join(", ", vs.get(i).containerNumbers());
            }
        }
        return f;
    }

    /**
     * The declaration as filed. Blank rows after the last filled one are the form's spare rows and are left out; a
     * blank row between filled ones is kept, so that the problem found in it is shown on the row it was found in.
     */
    DossierInput toInput() {
        List<DossierInput.Line> lines = new ArrayList<>();
        for (Line l : upToLastFilled(goods, Line::blank)) {
            lines.add(new DossierInput.Line(l.hsCode, l.description, l.quantity, l.unit, l.unitPrice, l.origin,
                    l.netWeightKg, l.grossWeightKg));
        }
        List<VehicleInput> vs = new ArrayList<>();
        for (Vehicle v : upToLastFilled(vehicles, Vehicle::blank)) {
            List<String> containers = v.containers == null ? List.of()
                    : Arrays.stream(v.containers.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            vs.add(new VehicleInput(v.plate, containers));
        }
        return new DossierInput(reference, direction, typeCode, enterpriseTaxCode, invoiceNumber, currency,
                transportDocument, lines, vs);
    }

    private static <T> List<T> upToLastFilled(List<T> rows, java.util.function.Predicate<T> blank) {
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != null && !blank.test(rows.get(i))) {
                last = i;
            }
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            kept.add(rows.get(i));
        }
        return kept;
    }

    private static <T> List<T> rows(int n, java.util.function.Supplier<T> row) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row.get());
        }
        return rows;
    }

    private static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(v -> v == null || v.isBlank());
    }

    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getDirection() { return direction; }
    public void setDirection(String v) { direction = v; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String v) { typeCode = v; }
    public String getEnterpriseTaxCode() { return enterpriseTaxCode; }
    public void setEnterpriseTaxCode(String v) { enterpriseTaxCode = v; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public void setInvoiceNumber(String v) { invoiceNumber = v; }
    public String getCurrency() { return currency; }
    public void setCurrency(String v) { currency = v; }
    public String getTransportDocument() { return transportDocument; }
    public void setTransportDocument(String v) { transportDocument = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public List<Line> getGoods() { return goods; }
    public void setGoods(List<Line> v) { goods = v; }
    public List<Vehicle> getVehicles() { return vehicles; }
    public void setVehicles(List<Vehicle> v) { vehicles = v; }
}
