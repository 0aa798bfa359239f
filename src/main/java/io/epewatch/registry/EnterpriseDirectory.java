package io.epewatch.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R6.3: an officer's scope on the backup is the enterprises its unit manages, so the backup needs the primary's
 * enterprises with their managing units (by unit code: the two databases number units apart). Sites and cameras stay
 * on the primary: the backup only takes declarations. The backup writes only what differs and deletes nothing.
 */
@Service
public class EnterpriseDirectory {

    public record Entry(String taxCode, String name, String address, LocalDate establishedOn,
                        LocalDate investmentCertificateOn, boolean operatingWithCameras, String contactName,
                        String contactPhone, String managingUnitCode) {
    }

    private final JdbcClient jdbc;

    EnterpriseDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Entry> export() {
        return jdbc.sql("""
                        select e.tax_code, e.name, e.address, e.established_on, e.investment_certificate_on,
                               e.operating_with_cameras, e.contact_name, e.contact_phone, u.code as unit_code
                        from enterprise e join unit u on u.id = e.managing_unit_id order by e.tax_code""")
                .query((rs, n) -> new Entry(rs.getString("tax_code"), rs.getString("name"), rs.getString("address"),
                        date(rs.getDate("established_on")), date(rs.getDate("investment_certificate_on")),
                        rs.getBoolean("operating_with_cameras"), rs.getString("contact_name"), rs.getString("contact_phone"),
                        rs.getString("unit_code"))).list();
    }

    /** How many enterprises were added or changed; one whose managing unit this instance lacks is left out. */
    @Transactional
    public int mirror(List<Entry> entries) {
        int changed = 0;
        for (Entry e : entries) {
            changed += jdbc.sql("""
                            insert into enterprise (tax_code, name, address, established_on, investment_certificate_on,
                                operating_with_cameras, contact_name, contact_phone, managing_unit_id)
                            select ?, ?, ?, ?, ?, ?, ?, ?, u.id from unit u where u.code = ?
                            on conflict (tax_code) do update set name = excluded.name, address = excluded.address,
                                established_on = excluded.established_on,
                                investment_certificate_on = excluded.investment_certificate_on,
                                operating_with_cameras = excluded.operating_with_cameras, contact_name = excluded.contact_name,
                                contact_phone = excluded.contact_phone, managing_unit_id = excluded.managing_unit_id,
                                updated_at = now()
                            where (enterprise.name, enterprise.address, enterprise.established_on,
                                   enterprise.investment_certificate_on, enterprise.operating_with_cameras,
                                   enterprise.contact_name, enterprise.contact_phone, enterprise.managing_unit_id)
                                is distinct from (excluded.name, excluded.address, excluded.established_on,
                                   excluded.investment_certificate_on, excluded.operating_with_cameras,
                                   excluded.contact_name, excluded.contact_phone, excluded.managing_unit_id)""")
                    .params(e.taxCode(), e.name(), e.address(), sqlDate(e.establishedOn()), sqlDate(e.investmentCertificateOn()),
                            e.operatingWithCameras(), e.contactName(), e.contactPhone(), e.managingUnitCode()).update();
        }
        return changed;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
