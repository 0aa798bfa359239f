package io.epewatch.registry.web;

import java.time.LocalDate;

import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.EnterpriseInput;

/** The enterprise form as typed; converted to {@link EnterpriseInput} with a reason for every bad field. */
public class EnterpriseForm {

    private String taxCode;
    private String name;
    private String address;
    private String establishedOn;
    private String investmentCertificateOn;
    private boolean operatingWithCameras;
    private String contactName;
    private String contactPhone;
    private Long managingUnitId;

    static EnterpriseForm of(Enterprise e) {
        EnterpriseForm form = new EnterpriseForm();
        form.taxCode = e.taxCode();
        form.name = e.name();
        form.address = e.address();
        form.establishedOn = e.establishedOn() == null ? "" : e.establishedOn().toString();
        form.investmentCertificateOn = e.investmentCertificateOn() == null ? "" : e.investmentCertificateOn().toString();
        form.operatingWithCameras = e.operatingWithCameras();
        form.contactName = e.contactName();
        form.contactPhone = e.contactPhone();
        form.managingUnitId = e.managingUnitId();
        return form;
    }

    EnterpriseInput toInput() {
        InputCheck check = new InputCheck();
        LocalDate established = check.parseOptional("establishedOn", establishedOn, Timestamps::date);
        LocalDate certificate = check.parseOptional("investmentCertificateOn", investmentCertificateOn, Timestamps::date);
        check.throwIfAny();
        return new EnterpriseInput(taxCode, name, address, established, certificate, operatingWithCameras, contactName,
                contactPhone, managingUnitId);
    }

    public String getTaxCode() { return taxCode; }
    public void setTaxCode(String taxCode) { this.taxCode = taxCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getEstablishedOn() { return establishedOn; }
    public void setEstablishedOn(String establishedOn) { this.establishedOn = establishedOn; }
    public String getInvestmentCertificateOn() { return investmentCertificateOn; }
    public void setInvestmentCertificateOn(String value) { this.investmentCertificateOn = value; }
    public boolean isOperatingWithCameras() { return operatingWithCameras; }
    public void setOperatingWithCameras(boolean value) { this.operatingWithCameras = value; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Long getManagingUnitId() { return managingUnitId; }
    public void setManagingUnitId(Long managingUnitId) { this.managingUnitId = managingUnitId; }
}
