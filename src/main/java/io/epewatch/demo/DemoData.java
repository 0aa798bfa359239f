package io.epewatch.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.epewatch.declaration.DeclarationInput;
import io.epewatch.declaration.Declarations;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.UserAccounts;
import io.epewatch.identity.Units;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.registry.CameraInput;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.CameraSpecs;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.registry.EnterpriseInput;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.GoodsKind;
import io.epewatch.registry.Location;
import io.epewatch.registry.LocationInput;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the demo data once; a restart with the same data directory finds it and adds nothing. */
@Component
@Profile("demo & !command")
@Order(1)
class DemoData implements ApplicationRunner {

    static final String SUB_DEPARTMENT = "HQKCXTT";
    static final String EPE_ELECTRONICS = "0312345678";
    static final String EPE_GARMENTS = "0309876543";
    /** Containers on the seeded export declarations; the generator sends them out, and others that are not. */
    static final List<String> DECLARED_CONTAINERS = List.of("MSKU4670691", "TEMU2709541", "FCIU5977394", "DFSU6889054");
    static final List<String> DECLARED_PLATES = List.of("51C-123.45", "50LD-044.11");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Set once the demo data is in place; the traffic generator waits for it. */
    private final java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();

    private final Units units;
    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final Declarations declarations;
    private final DemoProperties properties;
    private final DemoCameras cameras;
    private final CameraCredentials credentials;
    private final Clock clock;

    private final io.epewatch.clearance.RegisteredGoods registeredGoods;
    private final DemoClearance clearance;
    private final DeclarationIntake intake;

    DemoData(Units units, UserAccounts accounts, ApiTokens tokens, Enterprises enterprises, SiteDiagram diagram,
             Declarations declarations, DemoProperties properties, DemoCameras cameras, CameraCredentials credentials, Clock clock,
             io.epewatch.clearance.RegisteredGoods registeredGoods, DemoClearance clearance, DeclarationIntake intake) {
        this.registeredGoods = registeredGoods;
        this.intake = intake;
        this.clearance = clearance;
        this.units = units;
        this.accounts = accounts;
        this.tokens = tokens;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.declarations = declarations;
        this.properties = properties;
        this.cameras = cameras;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the token follows configuration on every start, so changing it takes effect after a restart
        tokens.register("demo-integration", properties.integrationToken(),
                Set.of(ApiTokens.INGEST_DECLARATIONS, ApiTokens.INGEST_GATE_EVENTS, ApiTokens.INGEST_GPS, ApiTokens.INGEST_CARGO,
                        ApiTokens.READ), null);
        Caller system = new Caller("demo", Set.of(Role.SYSTEM_ADMIN), Set.of(), null, AccessScope.all());
        if (units.findByCode(SUB_DEPARTMENT).isPresent()) {
            // the declarations are re-registered so that they stay inside the matching window however old the data is
            declareAll();
            connectSimulatedCameras(system);
            log.info("Demo data already present; demo declarations refreshed");
            ready.set(true);
            return;
        }
        Unit department = units.create(system, "HQHCM", "Cục Hải quan TP. Hồ Chí Minh", UnitKind.DEPARTMENT, null);
        Unit sub = units.create(system, SUB_DEPARTMENT, "Chi cục Hải quan KCX Tân Thuận", UnitKind.SUB_DEPARTMENT, department.id());
        accounts.create("admin", "Quản trị hệ thống (demo)", "Demo.Quantri.2026", Set.of(Role.SYSTEM_ADMIN), null, null);
        accounts.create("officer", "Nguyễn Văn An (công chức)", "Demo.Congchuc.2026", Set.of(Role.OFFICER), sub.id(), null);
        accounts.create("head", "Trần Thị Bình (Chi cục trưởng)", "Demo.Chicuctruong.2026", Set.of(Role.HEAD), sub.id(), null);
        accounts.create("unitadmin", "Lê Văn Cường (quản trị Chi cục)", "Demo.Quantridonvi.2026", Set.of(Role.UNIT_ADMIN), sub.id(), null);
        accounts.create("epe", "Phạm Thu Dung (DN Sao Việt)", "Demo.Doanhnghiep.2026", Set.of(Role.EPE_USER), null, EPE_ELECTRONICS);
        accounts.create("declarant", "Đỗ Quang Huy (khai báo, DN Sao Việt)", "Demo.Khaibao.2026", Set.of(Role.DECLARANT), null,
                EPE_ELECTRONICS);
        // a customs broker of no enterprise, declaring for those that authorise it (R6.2)
        accounts.create("broker", "Đại lý hải quan Hòa Bình (Vũ Thị Lan)", "Demo.Daily.2026", Set.of(Role.DECLARANT), null, null);

        enterprises.register(system, new EnterpriseInput(EPE_ELECTRONICS, "Công ty TNHH Điện tử Sao Việt (DNCX)",
                "Lô 12, đường số 3, KCX Tân Thuận, phường Tân Thuận Đông, TP. Hồ Chí Minh", LocalDate.of(2023, 5, 10),
                LocalDate.of(2023, 4, 20), false, "Phạm Thu Dung", "028 3770 1234", sub.id()));
        enterprises.register(system, new EnterpriseInput(EPE_GARMENTS, "Công ty TNHH May mặc Nam Phong (DNCX)",
                "Lô 45, đường số 8, KCX Tân Thuận, TP. Hồ Chí Minh", LocalDate.of(2012, 8, 1),
                LocalDate.of(2012, 7, 15), true, "Võ Minh Khang", "0903 456 789", sub.id()));
        site(system, EPE_ELECTRONICS);
        site(system, EPE_GARMENTS);
        // what Sao Việt registered with customs: its declarations' lines are checked against these (issue 16)
        registeredGoods.register(system, EPE_ELECTRONICS, "85423100", "chiếc", "Vi mạch tích hợp (bộ xử lý)", "5000000");
        registeredGoods.register(system, EPE_ELECTRONICS, "85340010", "chiếc", "Bảng mạch in một lớp", "2000000");
        registeredGoods.register(system, EPE_ELECTRONICS, "39269099", "kg", "Linh kiện nhựa", "500000");
        connectSimulatedCameras(system);
        seedDeclarations(sub.id());

        declareAll();
        log.info("Demo data seeded: sub-department {}, enterprises {} and {}", SUB_DEPARTMENT, EPE_ELECTRONICS, EPE_GARMENTS);
        ready.set(true);
    }

    /**
     * A primary with a backup takes declarations only under the backup's lease, which it first asks for once started
     * (R6.1): there the demo's declarations wait for it instead of failing the start.
     */
    private void seedDeclarations(long subDepartmentId) {
        Runnable seed = () -> {
            clearance.seed(EPE_ELECTRONICS, subDepartmentId, 36);
            clearance.authoriseBroker(EPE_ELECTRONICS, "broker");
            log.info("Demo declarations processed here, by lane: {}", clearance.lanes(EPE_ELECTRONICS));
        };
        if (intake.state().accepting()) {
            seed.run();
            return;
        }
        log.info("Demo declarations wait until this instance takes declarations ({})", intake.state().mode());
        Thread.ofVirtual().name("demo-declarations").start(() -> {
            long deadline = System.nanoTime() + 600_000_000_000L;
            try {
                while (!intake.state().accepting() && System.nanoTime() - deadline < 0) {
                    Thread.sleep(1_000);
                }
                seed.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Demo declarations not seeded: {}", e.toString());
            }
        });
    }

    boolean ready() {
        return ready.get();
    }

    private void site(Caller system, String taxCode) {
        Location gate = diagram.addLocation(system, taxCode, new LocationInput("Cổng chính", LocationKind.GATE, Set.of()));
        Location materials = diagram.addLocation(system, taxCode, new LocationInput("Kho nguyên liệu", LocationKind.WAREHOUSE_GATE,
                Set.of(GoodsKind.RAW_MATERIALS)));
        Location finished = diagram.addLocation(system, taxCode, new LocationInput("Kho thành phẩm", LocationKind.WAREHOUSE_INSIDE,
                Set.of(GoodsKind.FINISHED)));
        Location scrap = diagram.addLocation(system, taxCode, new LocationInput("Bãi phế liệu", LocationKind.YARD,
                Set.of(GoodsKind.SCRAP_REFUSE)));
        Location workshop = diagram.addLocation(system, taxCode, new LocationInput("Hành lang xưởng", LocationKind.OTHER_REQUIRED, Set.of()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C01", gate, "OUT", conforming()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C02", gate, "IN", conforming()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C03", materials, "BOTH", conforming()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C04", finished, null, weak()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C05", scrap, null, conforming()));
        diagram.addCamera(system, taxCode, camera(taxCode, "C06", workshop, null, CameraSpecs.none()));
    }

    private CameraInput camera(String taxCode, String number, Location location, String direction, CameraSpecs specs) {
        SimulatedCamera simulated = cameras.camera(taxCode, number);
        return new CameraInput(number, location.id(), simulated.rtspUrl().toString(), simulated.snapshotUrl().toString(),
                simulated.onvifUrl().toString(), direction, specs);
    }

    /**
     * Points every demo camera at its simulated camera and hands customs the account (R2.2). Only where something
     * differs — data from an older demo, or other ports — so a plain restart changes nothing.
     */
    private void connectSimulatedCameras(Caller system) {
        for (String taxCode : List.of(EPE_ELECTRONICS, EPE_GARMENTS)) {
            for (Camera camera : diagram.cameras(system.access(), taxCode)) {
                SimulatedCamera simulated = cameras.camera(taxCode, camera.number());
                if (simulated == null) {
                    continue;
                }
                if (!simulated.onvifUrl().toString().equals(camera.onvifUrl()) || !simulated.rtspUrl().toString().equals(camera.streamUrl())) {
                    diagram.updateCamera(system, taxCode, camera.number(), new CameraInput(camera.number(), camera.locationId(),
                            simulated.rtspUrl().toString(), simulated.snapshotUrl().toString(), simulated.onvifUrl().toString(),
                            camera.direction(), camera.specs()));
                }
                if (!credentials.status(system, taxCode, camera.number()).stored()) {
                    credentials.store(system, taxCode, camera.number(), DemoCameras.USERNAME, DemoCameras.PASSWORD);
                }
            }
        }
    }

    private static CameraSpecs conforming() {
        return new CameraSpecs("1/2.8", "CMOS", true, 1920, 1080, true, List.of("H.264", "H.265"), 2.8, 12.0, 105.0, 30,
                List.of("IPv4", "TCP", "HTTP"), 146, "IP67", 60, 0.005, 0.0, true, List.of("EN 60950-1"));
    }

    /** A cheaper fixed-lens camera: 1/3", 720p at 25 fps, IP66 — fails eight rows of Appendix I. */
    private static CameraSpecs weak() {
        return new CameraSpecs("1/3", "CMOS", true, 1280, 720, true, List.of("H.264"), 3.6, 3.6, 82.0, 25,
                List.of("IPv4", "TCP"), 120, "IP66", 50, 0.05, 0.0, true, List.of());
    }

    private void declareAll() {
        Instant registered = clock.instant().minus(Duration.ofHours(2));
        declare("305512340010", "E52", EPE_ELECTRONICS, registered, List.of(DECLARED_PLATES.get(0)), DECLARED_CONTAINERS.subList(0, 2));
        declare("305512340021", "E42", EPE_ELECTRONICS, registered.plus(Duration.ofMinutes(20)), List.of(DECLARED_PLATES.get(1)), DECLARED_CONTAINERS.subList(2, 3));
        declare("305598760032", "E52", EPE_GARMENTS, registered.plus(Duration.ofMinutes(35)), List.of("51D-678.90"), DECLARED_CONTAINERS.subList(3, 4));
    }

    private void declare(String number, String type, String taxCode, Instant at, List<String> plates, List<String> containers) {
        declarations.receive(new DeclarationInput(number, type, taxCode, "EXPORT", at.toString(), "CLEARED", "GREEN",
                plates, containers));
    }
}
