package org.procsec.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.procsec.TestEngines;
import org.procsec.TestRules;
import org.procsec.api.PolicyEngine;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Category;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.Instrument;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SiteType;
import org.procsec.model.SupplierRole;
import org.procsec.model.Zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POLICY 1.5 (edition 2026.2) under attack: every listed name and alias, disguised (punctuation,
 * spacing, invisible characters, legal forms, confusable letters, compatibility forms, case,
 * accents, a country word), is never APPROVEd in three shapes of purchase; benign look-alikes
 * stay APPROVE in the same shapes; and (1.4) the order of the items never changes an outcome.
 */
class ScreeningPropertiesTest {
    /** Every entry of every list (and the subsidiaries) is in force on this date. */
    private static final LocalDate ALL_IN_FORCE = LocalDate.of(2026, 5, 4);

    private final PolicyEngine engine = TestEngines.bundled();

    // ---- The listed names and aliases, read from the bundled reference data.

    private static final List<String> LISTED = listedNamesAndAliases();
    private static final List<String> LEGAL_FORMS = List.of("Ltd.", "LTD", "L.T.D.", "Co., Ltd.", "Co.,Ltd",
            "S.A.", "Inc", "Inc.", "B.V.", "GmbH", "LLC", "L.L.C.", "Pty Ltd", "Corp.", "Incorporated", "S.p.A.");
    private static final List<String> COUNTRY_WORDS = List.of("Canada", "China", "USA", "HK", "Deutschland",
            "International", "North America");

    private static List<String> listedNamesAndAliases() {
        Set<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("prohibited-vendors.json", "allied-restrictions.json", "state-ownership.json",
                "subsidiaries.json")) {
            try {
                JsonNode root = json.readTree(Files.readString(TestRules.BUNDLED.resolve("reference").resolve(file)));
                for (JsonNode e : root.get("entries")) {
                    out.add(e.get("name").asText());
                    e.path("aliases").forEach(a -> out.add(a.asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    // ---- Disguises: steps on the name's letters, then affixes.

    /**
     * Letter steps are applied in this order, whatever order they were drawn in: case first, so
     * that a look-alike stays the letter UTS #39 lists (a Cyrillic small һ is confusable with h,
     * its capital Һ is not confusable with H).
     */
    enum Step { RANDOM_CASE, PUNCTUATE, SPLIT_WORD, REMOVE_SPACES, INVISIBLE, DIGIT_FOR_LETTER, CONFUSABLE,
        FULL_WIDTH, MATHEMATICAL, ACCENT, LEGAL_FORM, COUNTRY_WORD }

    private static final String PUNCTUATION = "-_/'.,·&+";
    private static final String[] INVISIBLES = {"\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF",
        "\u200E", "\u202E", "\u2066", "\u034F", "\uFE0F", "\uDB40\uDC20", "\u180E", "\u061C"};
    /** Latin letters and look-alikes from Cyrillic and Greek (UTS #39 confusables). */
    private static final String LATIN = "aceopxyiskhABEHIKMNOPTXYZCS";
    private static final String LOOK_ALIKE = "асеорхуіѕкһАВЕНІКМΝΟРΤХΥΖСЅ";

    static String disguise(String name, List<Step> steps, long seed) {
        Random random = new Random(seed);
        String s = name;
        List<Step> letters = steps.stream().filter(x -> x != Step.LEGAL_FORM && x != Step.COUNTRY_WORD).sorted().toList();
        for (Step step : letters) {
            s = apply(step, s, random);
        }
        for (Step step : steps) {
            if (step == Step.LEGAL_FORM) {
                String form = LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size()));
                s = s + List.of(" ", ", ", "").get(random.nextInt(3)) + form;
            } else if (step == Step.COUNTRY_WORD) {
                String word = COUNTRY_WORDS.get(random.nextInt(COUNTRY_WORDS.size()));
                s = switch (random.nextInt(3)) {
                    case 0 -> word + " " + s;
                    case 1 -> s + " " + word;
                    default -> s + " (" + word + ")";
                };
            }
        }
        return s;
    }

    private static String apply(Step step, String s, Random random) {
        int at = 1 + random.nextInt(Math.max(1, s.length() - 1));   // an inner position
        if (at < s.length() && Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1))) {
            at++; // never between the halves of a pair: that is no text, and the reader refuses it
        }
        return switch (step) {
            case PUNCTUATE -> insertBetweenLetters(s, String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))), random);
            case SPLIT_WORD -> insertBetweenLetters(s, " ", random);
            case REMOVE_SPACES -> s.replace(" ", "");
            case INVISIBLE -> s.substring(0, at) + INVISIBLES[random.nextInt(INVISIBLES.length)] + s.substring(at);
            case CONFUSABLE -> replaceOne(s, random, LATIN, LOOK_ALIKE);
            case DIGIT_FOR_LETTER -> replaceOne(s, random, "IOio", "1010");
            case FULL_WIDTH -> map(s, c -> c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c);
            case MATHEMATICAL -> map(s, c -> c >= 'A' && c <= 'Z' ? 0x1D400 + c - 'A'
                    : c >= 'a' && c <= 'z' ? 0x1D41A + c - 'a' : c);
            case RANDOM_CASE -> map(s, c -> random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            case ACCENT -> insertAfterLetter(s, "\u0301", random);
            case LEGAL_FORM, COUNTRY_WORD -> s;
        };
    }

    private static String insertBetweenLetters(String s, String what, Random random) {
        List<Integer> places = new ArrayList<>();
        for (int i = 1; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i))) {
                places.add(i);
            }
        }
        if (places.isEmpty()) {
            return s;
        }
        int at = places.get(random.nextInt(places.size()));
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String insertAfterLetter(String s, String what, Random random) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i)) && s.charAt(i) < 0x80) {
                places.add(i + 1);
            }
        }
        if (places.isEmpty()) {
            return s;
        }
        int at = places.get(random.nextInt(places.size()));
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String replaceOne(String s, Random random, String from, String to) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (from.indexOf(s.charAt(i)) >= 0) {
                places.add(i);
            }
        }
        if (places.isEmpty()) {
            return s;
        }
        int at = places.get(random.nextInt(places.size()));
        return s.substring(0, at) + to.charAt(from.indexOf(s.charAt(at))) + s.substring(at + 1);
    }

    private static String map(String s, java.util.function.IntUnaryOperator f) {
        StringBuilder b = new StringBuilder();
        s.codePoints().map(f).forEach(b::appendCodePoint);
        return b.toString();
    }

    // ---- Three shapes of purchase, each APPROVE for a clean name.

    enum Shape { SUPPLIER, RESELLERS_MANUFACTURER, CLEARED_CAMERAS_FAVOURABLE_REVIEW }

    static PurchaseRequest purchase(Shape shape, String name) {
        Organisation named = Organisation.of(name, "CA", SupplierRole.MANUFACTURER);
        Item other = new Item("thing", Category.OTHER, 1, null, Set.of(), Connectivity.STANDALONE);
        List<Site> office = List.of(new Site(SiteType.OFFICE, Zone.PUBLIC, 1));
        return switch (shape) {
            case SUPPLIER -> new PurchaseRequest("S-1", "ESDC", "t", Instrument.CONTRACT, ALL_IN_FORCE,
                    BigDecimal.TEN, named, List.of(other), office, Services.NONE, null, CseStatus.NOT_REQUESTED);
            case RESELLERS_MANUFACTURER -> new PurchaseRequest("S-2", "ESDC", "t", Instrument.CONTRACT, ALL_IN_FORCE,
                    BigDecimal.TEN, Organisation.of("Maple Resale Inc.", "CA", SupplierRole.RESELLER),
                    List.of(other.withManufacturer(named)), office, Services.NONE, null, CseStatus.NOT_REQUESTED);
            case CLEARED_CAMERAS_FAVOURABLE_REVIEW -> new PurchaseRequest("S-3", "PSPC", "t", Instrument.CONTRACT,
                    ALL_IN_FORCE, BigDecimal.TEN, named.withClearance(new Clearance(ClearanceLevel.FACILITY_SECRET, null)),
                    List.of(other.withCategory(Category.VIDEO_SURVEILLANCE)), office, Services.NONE, null,
                    CseStatus.FAVOURABLE);
        };
    }

    @Provide
    Arbitrary<String> listed() {
        return Arbitraries.of(LISTED);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(4);
    }

    /**
     * 1.5: no disguise of a listed name is APPROVEd. In the cleared-camera shape with a FAVOURABLE
     * review, a disguise that the normaliser undoes entirely is the vendor itself, and its review
     * satisfies 4.4 (4.5): it may then be approved only if the assessment shows the vendor was
     * recognised (a 4.2/4.4 trigger finding, satisfied by the review).
     */
    @Property(tries = 3000)
    void disguisedListedName_isNeverApproved(@ForAll("listed") String listed, @ForAll("steps") List<Step> steps,
                                             @ForAll long seed, @ForAll Shape shape) throws Exception {
        String name = disguise(listed, steps, seed);
        // Through the parser too: the disguise must survive JSON and the strict reader.
        PurchaseRequest request = RequestJson.parse(RequestText.write(purchase(shape, name), RequestText.Style.PLAIN));
        Assessment a = engine.assess(request);
        String why = "\"" + escape(name) + "\" (from " + listed + " by " + steps + ") as " + shape + ": " + a.findings();
        if (a.decision() == Decision.APPROVE || a.decision() == Decision.APPROVE_WITH_CONDITIONS) {
            assertThat(shape).as(why).isEqualTo(Shape.CLEARED_CAMERAS_FAVOURABLE_REVIEW);
            assertThat(a.findings()).as(why).anyMatch(f -> f.outcome() == Outcome.INFO
                    && (f.ruleId().startsWith("CSE-4.4") || f.ruleId().startsWith("CSE-4.2")));
        }
    }

    /** The issue's own disguises, by name: each REFER or REJECT as a supplier from CN. */
    @Example
    void reportedDisguises_areReferredOrRejected() {
        for (String name : List.of("Hik-vision", "Hik_vision", "Hik/vision", "Hik'vision", "H-I-K-V-I-S-I-O-N",
                "Hik Vision", "Hikvision LLC", "Hikvision Incorporated", "Hikvision B.V.", "Hikvision (Canada) Inc.",
                "Hangzhou Hikvision", "Nuc-tech", "NUCTECH CO.LTD.", "Hik\u200Bvision", "Hik\u00ADvision",
                "Hik\u2060vision", "\uFEFFHikvision", "ＨＩＫＶＩＳＩＯＮ", "𝐇𝐢𝐤𝐯𝐢𝐬𝐢𝐨𝐧", "H\u0456kvision", "ΗΙΚVΙSΙΟΝ",
                "Norsat")) {
            PurchaseRequest r = purchase(Shape.SUPPLIER, name).withSupplier(Organisation.of(name, "CN",
                    SupplierRole.MANUFACTURER));
            assertThat(engine.assess(r).decision()).as(escape(name)).isIn(Decision.REFER, Decision.REJECT);
        }
    }

    /** Real-looking names that share a word or letters with a listed one without containing it. */
    static final List<String> BENIGN = List.of(
            "Hikari Vision Systems", "Vision Hik Outfitters", "Hikma Security Services", "Hik Outdoor Gear",
            "Huawen Logistics", "Weihua Electronics", "Hua Mei Trading", "Zetec Systems", "Z-Tel Communications",
            "Aztec Imaging", "Zeta Technologies", "Hytech Radio", "Hyterra Farms", "Dahl Technology",
            "Dahuang Foods", "Zhejiang Textile Co.", "Hangzhou Tea Company", "Digital Technology Partners",
            "Nuclear Tech Services", "Nucleus Technologies", "NuTech Solutions", "Nucor Corporation",
            "Norstar International", "Norsk Satellite AS", "Sinclair Broadcast Group", "Sinclair Oil Corporation",
            "EZ Vision Cameras", "Easy Viz Media", "Communications Corporation of Canada", "Hyundai Security",
            "Axis Communications AB", "Technologies Sinclair", "Maple Detection Systems Inc.", "Vizio Inc.",
            "Hikvisor Optics", "Ezra Vizcaino Consulting", "Tech Nuc Partners", "Northstar Satellite Systems Ltd");

    @Example
    void benignLookAlikes_stayApproved_inEveryShape() {
        assertThat(BENIGN).hasSizeGreaterThanOrEqualTo(30);
        for (String name : BENIGN) {
            for (Shape shape : Shape.values()) {
                Assessment a = engine.assess(purchase(shape, name));
                assertThat(a.decision()).as(name + " as " + shape + ": " + a.findings()).isEqualTo(Decision.APPROVE);
            }
        }
    }

    @Example
    void shapes_approveACleanName() {
        for (Shape shape : Shape.values()) {
            assertThat(engine.assess(purchase(shape, "Maple Optics Inc.")).decision()).as(shape.name())
                    .isEqualTo(Decision.APPROVE);
        }
    }

    // ---- 1.4: the order of the items never changes an outcome.

    @Provide
    Arbitrary<GeneratedRequest> requests() {
        return RequestArbitraries.requests();
    }

    @Provide
    Arbitrary<LocalDate> asOf() {
        return RequestArbitraries.asOfDates();
    }

    @Property(tries = 300)
    void shufflingTheItems_neverChangesTheOutcome(@ForAll("requests") GeneratedRequest g, @ForAll("asOf") LocalDate asOf,
                                                  @ForAll long seed) {
        assertSameOutcome(g.request(), shuffled(g.request(), seed), asOf);
    }

    /** 1.4: the same manufacturer stated again with other data; every statement counts, in any order. */
    @Property(tries = 200)
    void restatingAManufacturerWithOtherData_inAnyOrder_givesOneOutcome(
            @ForAll("requests") GeneratedRequest g, @ForAll("asOf") LocalDate asOf, @ForAll long seed,
            @ForAll @Size(min = 1, max = 1) List<@net.jqwik.api.From("organisations") Organisation> other) {
        PurchaseRequest r = g.request();
        Item first = r.items().get(0);
        Organisation stated = first.manufacturer() != null ? first.manufacturer() : r.supplier();
        Organisation restated = other.get(0).withName(stated.name()).withRole(SupplierRole.MANUFACTURER);
        List<Item> items = new ArrayList<>(r.items());
        items.add(first.withManufacturer(restated));
        PurchaseRequest withBoth = r.withItems(items);
        assertSameOutcome(withBoth, shuffled(withBoth, seed), asOf);
    }

    @Provide
    Arbitrary<Organisation> organisations() {
        return RequestArbitraries.manufacturers(RequestArbitraries.vendors());
    }

    private static PurchaseRequest shuffled(PurchaseRequest r, long seed) {
        List<Item> items = new ArrayList<>(r.items());
        Collections.shuffle(items, new Random(seed));
        return r.withItems(items);
    }

    private void assertSameOutcome(PurchaseRequest r, PurchaseRequest s, LocalDate asOf) {
        Assessment a = engine.assess(r, asOf);
        Assessment b = engine.assess(s, asOf);
        String why = "items reordered; before: " + a.findings() + "\nafter: " + b.findings();
        assertThat(b.decision()).as(why).isEqualTo(a.decision());
        assertThat(b.sensitiveSectors()).as(why).isEqualTo(a.sensitiveSectors());
        assertThat(b.requiredClearance()).as(why).isEqualTo(a.requiredClearance());
        assertThat(b.heldClearance()).as(why).isEqualTo(a.heldClearance());
        assertThat(b.cseReviewRequired()).as(why).isEqualTo(a.cseReviewRequired());
        assertThat(b.prohibited()).as(why).isEqualTo(a.prohibited());
        assertThat(b.conditions()).as(why).isEqualTo(a.conditions());
        assertThat(b.findings().stream().map(Finding::ruleId).sorted().toList()).as(why)
                .isEqualTo(a.findings().stream().map(Finding::ruleId).sorted().toList());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u{%X}", c)));
        return b.toString();
    }
}
