package org.procsec.internal.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.io.AssessmentJson;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Generates a synthetic portfolio in the shape of the seed purchases (examples/*.json): screening
 * equipment, radios, cameras, network kit and office goods, bought 2012-2026 by security and other
 * departments, from clean domestic and allied suppliers, listed vendors (by legal name, alias or
 * subsidiary) and resellers in front of them. The same seed gives the same lines.
 */
public final class PortfolioGenerator {
    private static final String[][] VENDORS = {
        // name, country, state-owned percent (or -1), controlling state (or "")
        {"Maple Detection Systems Inc.", "CA", "-1", ""},
        {"Prairie Office Furniture Ltd.", "CA", "-1", ""},
        {"Laurentian Radio Corp.", "CA", "-1", ""},
        {"Rideau Secure Networks Inc.", "CA", "-1", ""},
        {"Smiths Detection Group Ltd.", "GB", "-1", ""},
        {"Rapiscan Systems Inc.", "US", "-1", ""},
        {"Motorola Solutions Inc.", "US", "-1", ""},
        {"Axis Communications AB", "SE", "-1", ""},
        {"Bavaria Imaging GmbH", "DE", "-1", ""},
        {"Nuctech Company Limited", "CN", "40", "CN"},
        {"Nuctech", "CN", "-1", ""},
        {"Hangzhou Hikvision Digital Technology Co., Ltd.", "CN", "-1", ""},
        {"EZVIZ", "CN", "-1", ""},
        {"Zhejiang Dahua Technology Co., Ltd.", "CN", "-1", ""},
        {"Hytera Communications Corporation Limited", "CN", "-1", ""},
        {"Norsat International Inc.", "CA", "-1", ""},
        {"Sinclair Technologies Inc.", "CA", "-1", ""},
        {"Huawei Technologies Co., Ltd.", "CN", "-1", ""},
        {"ZTE Corporation", "CN", "-1", ""},
        {"Volga Instruments JSC", "RU", "51", "RU"},
    };
    private static final String[] RESELLERS = {"Canquest Communications Inc.", "Northern Shield Security Inc.",
        "Capital Integration Services Ltd."};
    private static final String[] DEPARTMENTS = {"CBSA", "RCMP", "GAC", "DND", "CSC", "PSPC", "ESDC", "TC", "HC",
        "CSIS", "PSPC-ISP"};
    private static final String[] CATEGORIES = {"XRAY_SCREENING", "LARGE_SCALE_IMAGING", "TRACE_DETECTION",
        "RADIATION_DETECTION", "RADIO", "RADIO_INFRASTRUCTURE", "VIDEO_SURVEILLANCE", "ACCESS_CONTROL",
        "NETWORK_EQUIPMENT", "COMPUTING", "SOFTWARE", "OTHER"};
    private static final String[] CAPABILITIES = {"IMAGE_CAPTURE", "AUDIO_CAPTURE", "LOCAL_STORAGE",
        "NETWORK_INTERFACE", "WIRELESS", "REMOTE_ACCESS", "FIRMWARE_UPDATE"};
    private static final String[] CONNECTIVITY = {"STANDALONE", "STANDALONE", "STANDALONE", "GC_NETWORK",
        "INTERNET", "CLASSIFIED_NETWORK"};
    private static final String[] SITE_TYPES = {"FOREIGN_MISSION", "PORT_OF_ENTRY", "CUSTOMS_WAREHOUSE",
        "AIR_CARGO_CENTRE", "AIRPORT", "OFFICE", "OFFICE", "DATA_CENTRE", "OTHER"};
    private static final String[] ZONES = {"PUBLIC", "PUBLIC", "RECEPTION", "OPERATIONS", "OPERATIONS", "SECURITY",
        "HIGH_SECURITY"};
    private static final String[] LEVELS = {"NONE", "NONE", "DESIGNATED_ORGANIZATION", "DESIGNATED_ORGANIZATION",
        "FACILITY_SECRET", "FACILITY_TOP_SECRET"};
    private static final String[] INSTRUMENTS = {"CONTRACT", "CONTRACT", "STANDING_OFFER", "CALL_UP", "AMENDMENT",
        "MAINTENANCE_EXTENSION"};
    private static final String[] REVIEWS = {"NOT_REQUESTED", "NOT_REQUESTED", "REQUESTED", "FAVOURABLE",
        "FAVOURABLE", "UNFAVOURABLE"};
    private static final LocalDate FIRST = LocalDate.of(2012, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2026, 11, 22).toEpochDay() - FIRST.toEpochDay());

    private final SplittableRandom random;
    private final double badFraction;

    /**
     * @param seed        the same seed gives the same portfolio
     * @param badFraction share of lines (0..1) deliberately broken, to exercise error handling
     */
    public PortfolioGenerator(long seed, double badFraction) {
        if (badFraction < 0 || badFraction > 1) {
            throw new IllegalArgumentException("badFraction: expected 0..1, got " + badFraction);
        }
        this.random = new SplittableRandom(seed);
        this.badFraction = badFraction;
    }

    /** Writes {@code lines} requests, one JSON object per line. */
    public void write(long lines, Writer out) throws IOException {
        for (long i = 1; i <= lines; i++) {
            out.write(next(i));
            out.write('\n');
        }
        out.flush();
    }

    /** The request for line {@code n}, as one line of JSON. */
    public String next(long n) {
        String line = org.procsec.internal.json.AssessmentNodes.compact(request(n));
        if (random.nextDouble() < badFraction) {
            return switch (random.nextInt(4)) {
                case 0 -> line.replaceFirst("\"category\":\"[A-Z_]+\"", "\"category\":\"XRAY\"");
                case 1 -> line.replaceFirst("\"awardDate\":\"\\d{4}-", "\"awardDate\":\"20x6-");
                case 2 -> line.replaceFirst("\"id\":\"[^\"]*\",", "");
                default -> line.substring(0, line.length() / 2);
            };
        }
        return line;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private ObjectNode request(long n) {
        ObjectNode r = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        LocalDate award = FIRST.plusDays(random.nextInt(DAYS));
        String category = pick(CATEGORIES);
        r.put("id", "PF-" + award.getYear() + "-" + n);
        r.put("department", pick(DEPARTMENTS));
        r.put("title", category.toLowerCase().replace('_', ' ') + " purchase " + n);
        r.put("instrument", pick(INSTRUMENTS));
        r.put("awardDate", award.toString());
        r.put("value", 1000L * (1 + random.nextInt(5000)));

        String[] maker = VENDORS[random.nextInt(VENDORS.length)];
        boolean viaReseller = random.nextInt(4) == 0;
        ObjectNode supplier = r.putObject("supplier");
        if (viaReseller) {
            supplier.put("name", pick(RESELLERS)).put("country", "CA").put("role", random.nextBoolean()
                    ? "RESELLER" : "INTEGRATOR");
        } else {
            organisation(supplier, maker);
            supplier.put("role", "MANUFACTURER");
        }
        ObjectNode clearance = supplier.putObject("clearance").put("level", pick(LEVELS));
        if (random.nextInt(3) == 0) {
            clearance.put("expires", award.plusDays(random.nextInt(4000) - 500L).toString());
        }

        ArrayNode items = r.putArray("items");
        int itemCount = 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < itemCount; i++) {
            ObjectNode item = items.addObject();
            item.put("description", "item " + (i + 1));
            item.put("category", i == 0 ? category : pick(CATEGORIES));
            item.put("quantity", 1 + random.nextInt(200));
            if (viaReseller) {
                organisation(item.putObject("manufacturer"), maker);
            }
            ArrayNode caps = item.putArray("capabilities");
            for (String c : CAPABILITIES) {
                if (random.nextInt(3) == 0) {
                    caps.add(c);
                }
            }
            item.put("connectivity", pick(CONNECTIVITY));
        }
        ArrayNode sites = r.putArray("sites");
        int siteCount = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int i = 0; i < siteCount; i++) {
            sites.addObject().put("type", pick(SITE_TYPES)).put("zone", pick(ZONES)).put("count", 1 + random.nextInt(170));
        }
        if (random.nextInt(3) > 0) {
            ObjectNode services = r.putObject("services");
            services.put("onSiteMaintenance", random.nextBoolean());
            services.put("visitsPerYear", random.nextInt(6));
            services.put("access", random.nextInt(4) == 0 ? "UNESCORTED" : random.nextBoolean() ? "ESCORTED" : "NONE");
            services.put("remoteAccess", random.nextInt(8) == 0);
            if (viaReseller && random.nextInt(3) == 0) {
                services.put("performedBy", "MANUFACTURER");
            }
        }
        if (random.nextInt(5) > 0) {
            r.put("dataRetentionDays", new int[] {7, 14, 30, 30, 30, 60, 90}[random.nextInt(7)]);
        }
        r.putObject("cseReview").put("status", pick(REVIEWS));
        return r;
    }

    private void organisation(ObjectNode node, String[] vendor) {
        node.put("name", vendor[0]).put("country", vendor[1]);
        if (!vendor[2].equals("-1")) {
            node.put("stateOwnershipPercent", Integer.parseInt(vendor[2]));
        }
        if (!vendor[3].isEmpty()) {
            node.put("controllingState", vendor[3]);
        }
    }
}
