package org.procsec.internal.json;

import org.procsec.internal.text.LogText;
import org.procsec.internal.text.Utf8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.model.Access;
import org.procsec.model.Capability;
import org.procsec.model.RequestRules;
import org.procsec.model.Category;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Instrument;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PerformedBy;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SiteType;
import org.procsec.model.SupplierRole;
import org.procsec.model.Zone;
import org.procsec.internal.names.VendorNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads purchase requests (docs/FORMATS.md) strictly: wrong types, unknown enum values, missing
 * required fields, out-of-range numbers, impossible dates, a reseller's item without a
 * manufacturer and inputs past the size limits are all reported, each with its JSON path; nothing
 * is silently defaulted beyond the defaults the spec gives. Unknown keys are ignored with a warning.
 */
public final class RequestReader {
    private static final Logger LOG = LoggerFactory.getLogger("org.procsec.io.RequestJson");

    /** Largest request document accepted, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /** Most items in a request. */
    public static final int MAX_ITEMS = RequestRules.MAX_ITEMS;
    /** Most site entries in a request. */
    public static final int MAX_SITES = RequestRules.MAX_SITES;
    /** Longest string value accepted. */
    public static final int MAX_STRING = RequestRules.MAX_STRING;
    /** Most entries in an item's {@code capabilities} (each value may repeat). */
    public static final int MAX_CAPABILITIES = 4 * Capability.values().length;
    /** Largest {@code value} accepted, in CAD (a thousand trillion). */
    public static final BigDecimal MAX_VALUE = RequestRules.MAX_VALUE;
    /** Most decimal places of {@code value} (trailing zeros aside). */
    public static final int MAX_VALUE_DECIMALS = RequestRules.MAX_VALUE_DECIMALS;
    /**
     * Most JSON values in a request document (objects, arrays, strings, numbers, literals: one each).
     * The largest request the other limits allow has about 5,000; the cap bounds the memory a
     * request may take while it is read (about 3 MB), whatever its unknown keys hold.
     */
    public static final int MAX_VALUES = 20_000;
    /** Most unknown-key warnings listed for one request; the rest are counted in one more warning. */
    public static final int MAX_WARNINGS = 20;

    private static final Set<String> REQUEST_KEYS = Set.of("id", "department", "title", "instrument", "awardDate",
            "value", "supplier", "items", "sites", "services", "dataRetentionDays", "cseReview");
    private static final Set<String> ORGANISATION_KEYS =
            Set.of("name", "country", "role", "stateOwnershipPercent", "controllingState", "clearance");
    private static final Set<String> CLEARANCE_KEYS = Set.of("level", "expires");
    private static final Set<String> ITEM_KEYS =
            Set.of("description", "category", "quantity", "manufacturer", "capabilities", "connectivity");
    private static final Set<String> SITE_KEYS = Set.of("type", "zone", "count");
    private static final Set<String> SERVICES_KEYS =
            Set.of("onSiteMaintenance", "visitsPerYear", "access", "remoteAccess", "performedBy");
    private static final Set<String> REVIEW_KEYS = Set.of("status");

    private final List<InputProblem> problems = new ArrayList<>();
    private final List<String> warnings;
    private int unknownKeys;

    private RequestReader(List<String> warnings) {
        this.warnings = warnings;
    }

    /** Reads one request; unknown keys are logged as warnings. */
    public static PurchaseRequest parse(String json) throws InvalidRequestException {
        List<String> warnings = new ArrayList<>();
        PurchaseRequest r = parse(json, warnings);
        warnings.forEach(w -> LOG.warn("request {}: {}", LogText.escape(r.id()), LogText.escape(w)));
        return r;
    }

    /**
     * Reads one request from UTF-8 bytes, strictly: bytes that are not UTF-8 (invalid or overlong
     * encodings, encoded surrogates) are an {@link InvalidRequestException} with their line,
     * column and byte offset, never replaced. Adds a warning per ignored unknown key to {@code warnings}.
     */
    public static PurchaseRequest parse(byte[] utf8, List<String> warnings) throws InvalidRequestException {
        if (utf8.length > 3L * MAX_DOCUMENT_CHARS) {
            throw new InvalidRequestException(List.of(new InputProblem("", "request is " + utf8.length
                    + " bytes (expected at most " + MAX_DOCUMENT_CHARS + " characters)")));
        }
        String text;
        try {
            text = Utf8.decode(utf8);
        } catch (Utf8.MalformedException e) {
            throw new InvalidRequestException(List.of(new InputProblem("", e.getMessage())));
        }
        return parse(text, warnings, true);
    }

    /** Reads one request, adding a warning per ignored unknown key to {@code warnings}. */
    public static PurchaseRequest parse(String json, List<String> warnings) throws InvalidRequestException {
        return parse(json, warnings, false);
    }

    private static PurchaseRequest parse(String json, List<String> warnings, boolean decoded)
            throws InvalidRequestException {
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidRequestException(List.of(new InputProblem("", "request is " + json.length()
                    + " characters (expected at most " + MAX_DOCUMENT_CHARS + ")")));
        }
        JsonNode root;
        try {
            root = decoded ? JsonTree.parseRootOfDecoded(json, MAX_VALUES) : JsonTree.parseRoot(json, MAX_VALUES);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(syntaxProblem(e)));
        }
        return read(root, warnings);
    }

    /** Reads one request from an already parsed tree (e.g. the {@code request} of a scenario). */
    public static PurchaseRequest read(JsonNode root, List<String> warnings) throws InvalidRequestException {
        RequestReader r = new RequestReader(warnings);
        PurchaseRequest request;
        try {
            request = r.request(root);
        } catch (IllegalArgumentException e) {
            // A model constructor refused what the checks above let through: still an input error.
            r.problem("", e.getMessage());
            request = null;
        }
        if (r.unknownKeys > MAX_WARNINGS) {
            warnings.add((r.unknownKeys - MAX_WARNINGS) + " more unknown keys ignored");
        }
        if (!r.problems.isEmpty()) {
            throw new InvalidRequestException(r.problems);
        }
        return request;
    }

    /**
     * The problem for a JSON syntax error (or a duplicate key, or a limit of {@link JsonTree} passed),
     * with its line and column, at the path of the value being read when the reader has one.
     */
    public static InputProblem syntaxProblem(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String path = e instanceof JsonTree.ParseError pe ? pe.path() : "";
        return new InputProblem(path, "invalid JSON" + where + ": " + e.getOriginalMessage());
    }

    private void problem(String path, String message) {
        problems.add(new InputProblem(path, message));
    }

    private PurchaseRequest request(JsonNode root) {
        if (!root.isObject()) {
            problem("", "expected a JSON object (a purchase request), got " + kind(root));
            return null;
        }
        checkKeys(root, "", REQUEST_KEYS);
        String id = visible(string(root, "id", "", true), "id");
        String department = visible(string(root, "department", "", true), "department");
        String title = string(root, "title", "", false);
        Instrument instrument = enumValue(root, "instrument", "", Instrument.class, null);
        LocalDate awardDate = date(root, "awardDate", "", true);
        BigDecimal value = decimal(root, "value", "");
        Organisation supplier = organisation(root.get("supplier"), "supplier", true);
        List<Item> items = items(root.get("items"), supplier);
        List<Site> sites = sites(root.get("sites"));
        Services services = services(root.get("services"));
        Integer retention = root.has("dataRetentionDays") && !root.get("dataRetentionDays").isNull()
                ? integer(root, "dataRetentionDays", "", 0, Integer.MAX_VALUE, null) : null;
        CseStatus review = review(root.get("cseReview"));
        if (!problems.isEmpty()) {
            return null;
        }
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, sites,
                services, retention, review);
    }

    private Organisation organisation(JsonNode node, String path, boolean isSupplier) {
        if (node == null || node.isNull()) {
            problem(path, "missing (expected an object with name and country)");
            return null;
        }
        if (!node.isObject()) {
            problem(path, "expected an object, got " + kind(node));
            return null;
        }
        checkKeys(node, path, ORGANISATION_KEYS);
        String name = string(node, "name", path, true);
        if (name != null && RequestRules.name(name) != null) {
            problem(path + ".name", RequestRules.name(name));
            name = null;
        }
        String country = country(node, "country", path, true);
        SupplierRole role = enumValue(node, "role", path, SupplierRole.class, SupplierRole.MANUFACTURER);
        if (!isSupplier && role != null && RequestRules.manufacturerRole(role) != null) {
            problem(path + ".role", RequestRules.manufacturerRole(role));
            role = null;
        }
        double ownership = 0;
        JsonNode own = node.get("stateOwnershipPercent");
        if (own != null && !own.isNull()) {
            if (!own.isNumber()) {
                problem(path + ".stateOwnershipPercent", "expected a number 0..100, got " + kind(own));
            } else if (RequestRules.percent(own.asDouble()) != null) {
                problem(path + ".stateOwnershipPercent", "expected a number 0..100, got " + abbreviate(own.toString()));
            } else {
                ownership = own.asDouble();
            }
        }
        String controlling = country(node, "controllingState", path, false);
        Clearance clearance = clearance(node.get("clearance"), path);
        if (name == null || country == null || role == null || clearance == null) {
            return null;
        }
        return new Organisation(name, country, role, ownership, controlling, clearance);
    }

    private Clearance clearance(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Clearance.NONE;
        }
        String path = path(at, "clearance");
        if (!node.isObject()) {
            problem(path, "expected an object with level and expires, got " + kind(node));
            return null;
        }
        checkKeys(node, path, CLEARANCE_KEYS);
        ClearanceLevel level = enumValue(node, "level", path, ClearanceLevel.class, ClearanceLevel.NONE);
        LocalDate expires = date(node, "expires", path, false);
        return level == null ? null : new Clearance(level, expires);
    }

    private List<Item> items(JsonNode node, Organisation supplier) {
        List<Item> items = new ArrayList<>();
        if (!array(node, "items", MAX_ITEMS)) {
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = i < ITEM_PATHS.length ? ITEM_PATHS[i] : "items[" + i + "]";
            JsonNode n = node.get(i);
            if (!n.isObject()) {
                problem(path, "expected an object, got " + kind(n));
                continue;
            }
            checkKeys(n, path, ITEM_KEYS);
            String description = string(n, "description", path, false);
            Category category = enumValue(n, "category", path, Category.class, null);
            Integer quantity = integer(n, "quantity", path, 1, Integer.MAX_VALUE, 1);
            Organisation manufacturer = null;
            JsonNode m = n.get("manufacturer");
            if (m != null && !m.isNull()) {
                manufacturer = organisation(m, i < MANUFACTURER_PATHS.length ? MANUFACTURER_PATHS[i]
                        : path + ".manufacturer", false);
            } else if (supplier != null && RequestRules.manufacturerStated(supplier.role(), null) != null) {
                problem(path + ".manufacturer", RequestRules.manufacturerStated(supplier.role(), null));
            }
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            JsonNode caps = n.get("capabilities");
            if (caps != null && !caps.isNull()) {
                if (!caps.isArray()) {
                    problem(path + ".capabilities", "expected an array of capabilities, got " + kind(caps));
                } else if (caps.size() > MAX_CAPABILITIES) {
                    problem(path + ".capabilities", caps.size() + " entries (expected at most "
                            + MAX_CAPABILITIES + ")");
                } else {
                    for (int k = 0; k < caps.size(); k++) {
                        Capability c = enumOf(caps.get(k), path, "capabilities", k, Capability.class);
                        if (c != null) {
                            capabilities.add(c);
                        }
                    }
                }
            }
            Connectivity connectivity = enumValue(n, "connectivity", path, Connectivity.class,
                    Connectivity.STANDALONE);
            if (category != null && quantity != null && connectivity != null
                    && (m == null || m.isNull() || manufacturer != null)) {
                items.add(new Item(description, category, quantity, manufacturer, capabilities, connectivity));
            }
        }
        return items;
    }

    private List<Site> sites(JsonNode node) {
        List<Site> sites = new ArrayList<>();
        if (!array(node, "sites", MAX_SITES)) {
            return sites;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = i < SITE_PATHS.length ? SITE_PATHS[i] : "sites[" + i + "]";
            JsonNode n = node.get(i);
            if (!n.isObject()) {
                problem(path, "expected an object, got " + kind(n));
                continue;
            }
            checkKeys(n, path, SITE_KEYS);
            SiteType type = enumValue(n, "type", path, SiteType.class, null);
            Zone zone = enumValue(n, "zone", path, Zone.class, null);
            Integer count = integer(n, "count", path, 1, Integer.MAX_VALUE, 1);
            if (type != null && zone != null && count != null) {
                sites.add(new Site(type, zone, count));
            }
        }
        return sites;
    }

    private Services services(JsonNode node) {
        if (node == null || node.isNull()) {
            return Services.NONE;
        }
        if (!node.isObject()) {
            problem("services", "expected an object, got " + kind(node));
            return null;
        }
        checkKeys(node, "services", SERVICES_KEYS);
        Boolean onSite = bool(node, "onSiteMaintenance", "services");
        Integer visits = integer(node, "visitsPerYear", "services", 0, RequestRules.MAX_VISITS, 0);
        Access access = enumValue(node, "access", "services", Access.class, Access.NONE);
        Boolean remote = bool(node, "remoteAccess", "services");
        PerformedBy by = enumValue(node, "performedBy", "services", PerformedBy.class,
                PerformedBy.SUPPLIER);
        if (onSite == null || visits == null || access == null || remote == null || by == null) {
            return null;
        }
        return new Services(onSite, visits, access, remote, by);
    }

    private CseStatus review(JsonNode node) {
        if (node == null || node.isNull()) {
            return CseStatus.NOT_REQUESTED;
        }
        if (!node.isObject()) {
            problem("cseReview", "expected an object with status, got " + kind(node));
            return null;
        }
        checkKeys(node, "cseReview", REVIEW_KEYS);
        return enumValue(node, "status", "cseReview", CseStatus.class, CseStatus.NOT_REQUESTED);
    }

    // ---- values -------------------------------------------------------------------------------

    private boolean array(JsonNode node, String path, int max) {
        if (node == null || node.isNull()) {
            problem(path, "missing (expected an array with at least one entry)");
            return false;
        }
        if (!node.isArray()) {
            problem(path, "expected an array, got " + kind(node));
            return false;
        }
        if (node.isEmpty()) {
            problem(path, "expected at least one entry");
            return false;
        }
        if (node.size() > max) {
            problem(path, node.size() + " entries (expected at most " + max + ")");
            return false;
        }
        return true;
    }

    private void checkKeys(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key) && ++unknownKeys <= MAX_WARNINGS) {
                warnings.add((path.isEmpty() ? "" : path + ".") + abbreviate(key) + ": unknown key ignored");
            }
        }
    }

    private String string(JsonNode parent, String key, String at, boolean required) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                problem(path(at, key), "missing (expected a non-empty string)");
            }
            return null;
        }
        if (!n.isTextual()) {
            problem(path(at, key), "expected a string, got " + kind(n));
            return null;
        }
        String s = n.asText();
        String problem = RequestRules.text(s, required);
        if (problem != null) {
            problem(path(at, key), problem);
            return null;
        }
        return s;
    }

    /** {@code s}, unless it is empty once spaces and invisible characters are removed (POLICY 1.5 d). */
    private String visible(String s, String path) {
        if (s == null) {
            return null;
        }
        String problem = RequestRules.visible(s);
        if (problem != null) {
            problem(path, problem);
            return null;
        }
        return s;
    }

    private String country(JsonNode parent, String key, String at, boolean required) {
        String code = string(parent, key, at, required);
        if (code != null && RequestRules.country(code) != null) {
            problem(path(at, key), RequestRules.country(code));
            return null;
        }
        return code;
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String key, String at, Class<E> type, E absent) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (absent == null) {
                problem(path(at, key), "missing (expected one of " + values(type) + ")");
            }
            return absent;
        }
        return enumOf(n, at, key, -1, type);
    }

    // The paths of the first items and sites, made once: paths are needed only for problems, but are
    // passed down before anyone knows whether there is one (JsonPathBenchmark.parse, docs/performance.md).
    private static final String[] ITEM_PATHS = indexed("items[%d]");
    private static final String[] MANUFACTURER_PATHS = indexed("items[%d].manufacturer");
    private static final String[] SITE_PATHS = indexed("sites[%d]");

    private static String[] indexed(String format) {
        String[] paths = new String[32];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = String.format(java.util.Locale.ROOT, format, i);
        }
        return paths;
    }

    /** The path of {@code key} in the object at {@code at} ("" for the request itself). */
    private static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    /**
     * The constant {@code n} names; a problem (at {@code key} of {@code at}, and its element
     * {@code index} unless that is -1) when it names none.
     */
    private <E extends Enum<E>> E enumOf(JsonNode n, String at, String key, int index, Class<E> type) {
        if (!n.isTextual()) {
            problem(path(at, key, index), "expected a string (one of " + values(type) + "), got " + kind(n));
            return null;
        }
        String text = n.asText();
        for (Enum<?> e : CONSTANTS.get(type)) {
            if (e.name().equals(text)) {
                return type.cast(e);
            }
        }
        problem(path(at, key, index), "unknown value \"" + abbreviate(text) + "\" (expected one of " + values(type) + ")");
        return null;
    }

    private static String path(String at, String key, int index) {
        return index < 0 ? path(at, key) : path(at, key) + "[" + index + "]";
    }

    /** Each enum's constants, read once (getEnumConstants copies the array on every call). */
    private static final ClassValue<Enum<?>[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
            return (Enum<?>[]) type.getEnumConstants();
        }
    };

    private LocalDate date(JsonNode parent, String key, String at, boolean required) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                problem(path(at, key), "missing (expected a date YYYY-MM-DD)");
            }
            return null;
        }
        if (!n.isTextual()) {
            problem(path(at, key), "expected a date YYYY-MM-DD, got " + kind(n));
            return null;
        }
        String text = n.asText();
        if (!isIsoDateShape(text)) {
            problem(path(at, key), "expected a date YYYY-MM-DD, got \"" + abbreviate(text) + "\"");
            return null;
        }
        LocalDate d = isoDate(text);
        if (d == null) {
            problem(path(at, key), "impossible date \"" + text + "\"");
        }
        return d;
    }

    /**
     * The date of a {@code DDDD-DD-DD} text, or null when there is no such day: what
     * {@code LocalDate.parse} gives (DateShapeProperties), without its formatter.
     */
    static LocalDate isoDate(String s) {
        int year = (s.charAt(0) - '0') * 1000 + (s.charAt(1) - '0') * 100 + (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
        int month = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
        int day = (s.charAt(8) - '0') * 10 + (s.charAt(9) - '0');
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code DDDD-DD-DD} with ASCII digits (what {@code \\d{4}-\\d{2}-\\d{2}} matches), without a regular expression. */
    static boolean isIsoDateShape(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private BigDecimal decimal(JsonNode parent, String key, String at) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            problem(path(at, key), "missing (expected a number >= 0)");
            return null;
        }
        if (!n.isNumber()) {
            problem(path(at, key), "expected a number >= 0, got " + kind(n));
            return null;
        }
        BigDecimal v = n.decimalValue();
        String problem = RequestRules.value(v);
        if (problem != null) {
            problem(path(at, key), problem + ", got " + abbreviate(v.toString()));
            return null;
        }
        return v;
    }

    private Integer integer(JsonNode parent, String key, String at, int min, int max, Integer absent) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (absent == null) {
                problem(path(at, key), "missing (expected an integer >= " + min + ")");
            }
            return absent;
        }
        if (!n.isIntegralNumber()) {
            problem(path(at, key), "expected an integer >= " + min + ", got " + kind(n)
                    + (n.isNumber() ? " " + abbreviate(n.toString()) : ""));
            return null;
        }
        if (!n.canConvertToInt() || RequestRules.range(n.asInt(), min, max) != null) {
            problem(path(at, key), "expected an integer " + (max == Integer.MAX_VALUE ? ">= " + min : min + ".." + max)
                    + ", got " + abbreviate(n.toString()));
            return null;
        }
        return n.asInt();
    }

    private Boolean bool(JsonNode parent, String key, String at) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            problem(path(at, key), "expected true or false, got " + kind(n));
            return null;
        }
        return n.asBoolean();
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string \"" + abbreviate(n.asText()) + "\"";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String abbreviate(String s) {
        return RequestRules.abbreviate(s);
    }

    private static <E extends Enum<E>> String values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
