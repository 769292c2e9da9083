package org.procsec.internal.refdata;

import org.procsec.internal.names.VendorNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.ruleset.RuleProblem;
import org.procsec.internal.json.JsonTree;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the reference data files of a rule set ({@code reference/*.json}) and reports every
 * problem as file, line, entry and field.
 */
public final class ReferenceDataLoader {
    public static final String DIR = "reference/";
    public static final String PARAMETERS = DIR + "parameters.json";
    public static final String CLAUSES = DIR + "clauses.json";
    public static final String DEPARTMENTS = DIR + "security-departments.json";
    public static final String COUNTRIES = DIR + "bilateral-countries.json";
    public static final String PROHIBITED = DIR + "prohibited-vendors.json";
    public static final String ALLIED = DIR + "allied-restrictions.json";
    public static final String SUBSIDIARIES = DIR + "subsidiaries.json";
    public static final String STATE_OWNERSHIP = DIR + "state-ownership.json";
    public static final String LEGAL_FORMS = DIR + "legal-forms.json";

    /** Every reference file a rule set must have. */
    public static final List<String> FILES = List.of(PARAMETERS, CLAUSES, DEPARTMENTS, COUNTRIES, PROHIBITED,
            ALLIED, SUBSIDIARIES, STATE_OWNERSHIP, LEGAL_FORMS);

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<RuleProblem> problems = new ArrayList<>();
    /** The names and aliases of listed entities and subsidiaries, for the vendor directory. */
    private final List<VendorDirectory.Form> forms = new ArrayList<>();
    private VendorNames names;
    private String file;
    private JsonTree tree;

    private ReferenceDataLoader() {
    }

    /**
     * Loads the reference data from {@code files} (paths relative to the rule directory).
     * Problems are added to {@code problems}; the result is null when there were any.
     */
    public static ReferenceData load(SortedMap<String, byte[]> files, List<RuleProblem> problems) {
        ReferenceDataLoader loader = new ReferenceDataLoader();
        ReferenceData data = loader.loadAll(files);
        problems.addAll(loader.problems);
        return loader.problems.isEmpty() ? data : null;
    }

    private ReferenceData loadAll(SortedMap<String, byte[]> files) {
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                problems.add(new RuleProblem(name, 0, 0, "missing reference data file (expected one of "
                        + String.join(", ", FILES) + ")"));
            }
        }
        for (String name : files.keySet()) {
            if (name.startsWith(DIR) && name.endsWith(".json") && !FILES.contains(name)) {
                problems.add(new RuleProblem(name, 0, 0, "unknown reference data file (expected one of "
                        + String.join(", ", FILES) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Parameters parameters = open(files, PARAMETERS) ? parameters() : null;
        Map<String, ClauseInfo> clauses = open(files, CLAUSES) ? clauses() : Map.of();
        List<SecurityDepartment> departments = open(files, DEPARTMENTS)
                ? entries(e -> new SecurityDepartment(code(e.path + ".code", false), date(e.path + ".inForceFrom")))
                : List.of();
        List<BilateralCountry> countries = open(files, COUNTRIES)
                ? entries(e -> new BilateralCountry(code(e.path + ".code", true), date(e.path + ".inForceFrom")))
                : List.of();

        names = open(files, LEGAL_FORMS) ? legalForms() : null;
        if (names == null) {
            return null;
        }
        Map<String, String> index = new LinkedHashMap<>();   // normalised name or alias -> entity key
        List<ProhibitedVendor> prohibited = open(files, PROHIBITED)
                ? entries(e -> {
                    String name = vendor(e.path, index);
                    return new ProhibitedVendor(key(name), name, date(e.path + ".inForceFrom"));
                }) : List.of();
        List<AlliedRestriction> allied = open(files, ALLIED)
                ? entries(e -> {
                    String name = vendor(e.path, index);
                    return new AlliedRestriction(key(name), name, text(e.path + ".list", true),
                            date(e.path + ".inForceFrom"));
                }) : List.of();
        List<StateControl> stateControl = open(files, STATE_OWNERSHIP)
                ? entries(e -> {
                    String name = vendor(e.path, index);
                    return new StateControl(key(name), name, code(e.path + ".controllingState", true));
                }) : List.of();
        List<Subsidiary> subsidiaries = open(files, SUBSIDIARIES)
                ? entries(e -> subsidiary(e.path, index)) : List.of();
        if (!problems.isEmpty()) {
            return null;
        }
        return new ReferenceData(parameters, clauses, departments, countries, prohibited, allied, subsidiaries,
                stateControl, new VendorDirectory(names, forms));
    }

    private boolean open(SortedMap<String, byte[]> files, String name) {
        file = name;
        try {
            tree = JsonTree.parse(new String(files.get(name), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            problems.add(new RuleProblem(name, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "invalid JSON: " + e.getOriginalMessage()));
            return false;
        }
        if (!tree.root().isObject()) {
            problem("", "expected a JSON object");
            return false;
        }
        return true;
    }

    private void problem(String path, String message) {
        problems.add(new RuleProblem(file, tree.line(path), tree.column(path),
                (path.isEmpty() ? "" : path + ": ") + message));
    }

    private JsonNode node(String path) {
        JsonNode n = tree.root();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            n = n.path(field);
            if (bracket >= 0) {
                n = n.path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return n;
    }

    private record EntryRef(String path) {
    }

    private <T> List<T> entries(Function<EntryRef, T> reader) {
        JsonNode entries = tree.root().get("entries");
        if (entries == null || !entries.isArray()) {
            problem("entries", "expected an array of entries");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "entries[" + i + "]";
            if (!entries.get(i).isObject()) {
                problem(path, "expected an object");
                continue;
            }
            out.add(reader.apply(new EntryRef(path)));
        }
        return out;
    }

    private String text(String path, boolean required) {
        JsonNode n = node(path);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                problem(path, "missing (expected a non-empty string)");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problem(path, "expected a non-empty string, got " + n);
            return null;
        }
        return n.asText().trim();
    }

    private String code(String path, boolean country) {
        String code = text(path, true);
        if (code == null) {
            return null;
        }
        if (country && !ISO_COUNTRIES.contains(code)) {
            problem(path, "\"" + code + "\" is not an ISO 3166 alpha-2 country code");
        } else if (!code.equals(code.toUpperCase(Locale.ROOT))) {
            problem(path, "\"" + code + "\" should be upper case");
        }
        return code;
    }

    private LocalDate date(String path) {
        JsonNode n = node(path);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            problem(path, "expected a date YYYY-MM-DD, got " + n);
            return null;
        }
    }

    private int integer(String path, int min, int max) {
        JsonNode n = node(path);
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            problem(path, "expected an integer " + min + ".." + max + ", got " + (n.isMissingNode() ? "nothing" : n));
            return min;
        }
        return n.asInt();
    }

    private String key(String name) {
        return name == null ? null : names.normalise(name);
    }

    /**
     * Reads a listed entity's name and aliases into the vendor directory, reporting names that
     * normalise to nothing and aliases that name two entities. Returns the legal name.
     */
    private String vendor(String path, Map<String, String> index) {
        String name = text(path + ".name", true);
        if (name == null) {
            return null;
        }
        String key = key(name);
        if (key.isEmpty()) {
            problem(path + ".name", "\"" + name + "\" is empty once normalised (POLICY 1.5)");
            return null;
        }
        register(path + ".name", name, key, name, "name", null, index);
        for (String[] alias : aliases(path)) {
            register(alias[0], alias[1], key, name, "alias", null, index);
        }
        return name;
    }

    /** A subsidiary: its name and aliases count as its listed parent from its date (1.5 c). */
    private Subsidiary subsidiary(String path, Map<String, String> index) {
        String name = text(path + ".name", true);
        String parent = text(path + ".parent", true);
        String parentKey = key(parent);
        if (parentKey != null && !index.containsValue(parentKey)) {
            problem(path + ".parent", "unknown parent \"" + parent
                    + "\" (expected an organisation named in another reference list)");
        }
        LocalDate from = date(path + ".inForceFrom");
        List<String> aliasNames = new ArrayList<>();
        if (name != null && parentKey != null) {
            String via = "subsidiary of " + parent;
            if (key(name).isEmpty()) {
                problem(path + ".name", "\"" + name + "\" is empty once normalised (POLICY 1.5)");
            } else {
                register(path + ".name", name, parentKey, parent, via, from, index);
            }
            for (String[] alias : aliases(path)) {
                register(alias[0], alias[1], parentKey, parent, via, from, index);
                aliasNames.add(alias[1]);
            }
        }
        return new Subsidiary(key(name), name, code(path + ".country", true), parentKey, parent, from, aliasNames);
    }

    /** The aliases of an entry, each as {path, alias}. */
    private List<String[]> aliases(String path) {
        JsonNode aliases = node(path + ".aliases");
        List<String[]> out = new ArrayList<>();
        if (!aliases.isMissingNode() && !aliases.isArray()) {
            problem(path + ".aliases", "expected an array of strings");
            return out;
        }
        for (int i = 0; i < aliases.size(); i++) {
            String at = path + ".aliases[" + i + "]";
            String alias = text(at, true);
            if (alias != null) {
                out.add(new String[] {at, alias});
            }
        }
        return out;
    }

    /** Adds a name or alias of entity {@code key}; reports one that normalises to another entity's. */
    private void register(String path, String written, String key, String listedName, String via, LocalDate since,
                          Map<String, String> index) {
        List<String> words = names.words(written);
        String normalised = String.join(" ", words);
        if (words.isEmpty()) {
            problem(path, "\"" + written + "\" is empty once normalised (POLICY 1.5)");
            return;
        }
        String other = index.putIfAbsent(normalised, key);
        if (other != null) {                 // the same entity on another list is registered once
            if (!other.equals(key)) {
                problem(path, "\"" + written + "\" normalises to \"" + normalised + "\", which already names \""
                        + other + "\"");
            }
            return;
        }
        forms.add(new VendorDirectory.Form(written, words, key, listedName, via, since));
    }

    /** The legal-form words ignored in names (1.5), each one word once normalised. */
    private VendorNames legalForms() {
        List<String> forms = entries(e -> text(e.path + ".form", true));
        List<String> ok = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String form = forms.get(i);
            if (form == null) {
                continue;
            }
            try {
                new VendorNames(List.of(form));
                ok.add(form);
            } catch (IllegalArgumentException e) {
                problem("entries[" + i + "].form", e.getMessage());
            }
        }
        return problems.isEmpty() ? new VendorNames(ok) : null;
    }

    private Parameters parameters() {
        String edition = text("edition", true);
        String home = code("homeCountry", true);
        int threshold = integer("stateOwnershipThresholdPercent", 0, 100);
        int retention = integer("maxDataRetentionDays", 0, 100_000);
        int life = integer("serviceLifeYears", 1, 200);
        return new Parameters(edition, home, threshold, retention, life,
                enumSet("detectionCategories", org.procsec.model.Category.class),
                enumSet("borderSiteTypes", org.procsec.model.SiteType.class),
                enumSet("missionSiteTypes", org.procsec.model.SiteType.class),
                enumSet("radioCategories", org.procsec.model.Category.class),
                enumSet("surveillanceCategories", org.procsec.model.Category.class),
                enumSet("secureZones", org.procsec.model.Zone.class),
                enumSet("gcNetworkConnectivity", org.procsec.model.Connectivity.class),
                enumSet("dataCapabilities", org.procsec.model.Capability.class),
                enumSet("cseNetworkConnectivity", org.procsec.model.Connectivity.class),
                enumSet("retentionCapabilities", org.procsec.model.Capability.class),
                enumSet("topSecretZones", org.procsec.model.Zone.class),
                enumSet("secretZones", org.procsec.model.Zone.class),
                enumSet("topSecretConnectivity", org.procsec.model.Connectivity.class));
    }

    private <E extends Enum<E>> Set<E> enumSet(String path, Class<E> type) {
        JsonNode n = node(path);
        Set<E> out = EnumSet.noneOf(type);
        if (!n.isArray()) {
            problem(path, "expected an array of " + type.getSimpleName() + " values");
            return out;
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            try {
                out.add(Enum.valueOf(type, v.asText()));
            } catch (IllegalArgumentException e) {
                problem(path, "unknown value " + v + " (expected one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return out;
    }

    private Map<String, ClauseInfo> clauses() {
        JsonNode clauses = tree.root().get("clauses");
        Map<String, ClauseInfo> out = new LinkedHashMap<>();
        if (clauses == null || !clauses.isArray()) {
            problem("clauses", "expected an array of clauses");
            return out;
        }
        for (int i = 0; i < clauses.size(); i++) {
            String path = "clauses[" + i + "]";
            String id = text(path + ".id", true);
            if (id != null && !id.matches("\\d+(\\.\\d+)*")) {
                problem(path + ".id", "\"" + id + "\" is not a clause id (expected digits and dots, e.g. 3.7)");
            } else if (id != null && out.containsKey(id)) {
                problem(path + ".id", "clause " + id + " is listed twice");
            } else if (id != null) {
                out.put(id, new ClauseInfo(id, text(path + ".title", true), date(path + ".inForceFrom")));
            }
        }
        return out;
    }
}
