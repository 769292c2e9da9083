package org.procsec.refdata;

import com.ibm.icu.text.SpoofChecker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Screens an organisation's name against the listed vendors (POLICY 1.5): the listed entities
 * it <em>matches</em> (its normalised name is a listed name or alias, or a subsidiary's) and
 * those it <em>possibly matches</em> (it contains one as consecutive whole words, equals one
 * once spaces are removed, or has the same UTS #39 confusable skeleton). This class only
 * computes names; what a match or a possible match does is written in the DRL.
 */
public final class VendorDirectory {

    /**
     * A listed entity an organisation counts as.
     *
     * @param key        normalised legal name of the listed entity
     * @param listedName the entity's legal name as listed
     * @param via        how the match was made ("name", "alias" or "subsidiary of ...")
     * @param since      date from which the match holds (a subsidiary's date), or null: always
     */
    public record Identity(String key, String listedName, String via, LocalDate since) implements Dated {
        @Override
        public LocalDate inForceFrom() {
            return since;
        }
    }

    /**
     * A listed entity an organisation may be (1.5 b), without matching it.
     *
     * @param key        normalised legal name of the listed entity
     * @param listedName the entity's legal name as listed
     * @param how        why, e.g. {@code contains "Hikvision"}
     * @param since      date from which it holds (a subsidiary's date), or null: always
     */
    public record PossibleMatch(String key, String listedName, String how, LocalDate since) implements Dated {
        @Override
        public LocalDate inForceFrom() {
            return since;
        }
    }

    /**
     * What screening a name found.
     *
     * @param words           the normalised words of the name; empty when nothing is left (1.5 d)
     * @param matches         the listed entities it matches
     * @param possibleMatches the listed entities it possibly matches (none of those it matches)
     */
    public record Screening(List<String> words, List<Identity> matches, List<PossibleMatch> possibleMatches) {
        public Screening {
            words = List.copyOf(words);
            matches = List.copyOf(matches);
            possibleMatches = List.copyOf(possibleMatches);
        }

        /** The normalised name: the words joined by spaces. */
        public String normalised() {
            return String.join(" ", words);
        }
    }

    /** A name or alias of a listed entity or of a listed subsidiary, as reference data states it. */
    record Form(String written, List<String> words, String key, String listedName, String via, LocalDate since) {
    }

    /** How two names are compared for a possible match: as written, or by confusable skeleton. */
    private enum View {
        WORDS(w -> w),
        LOWER_SKELETON(w -> Skeletons.of(w)),
        UPPER_SKELETON(w -> Skeletons.of(w.toUpperCase(Locale.ROOT)));

        final UnaryOperator<String> ofWord;

        View(UnaryOperator<String> ofWord) {
            this.ofWord = ofWord;
        }
    }

    /** The UTS #39 skeleton, from ICU4J; the checker is built once (its data load is costly). */
    private static final class Skeletons {
        private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

        static String of(String s) {
            return CHECKER.getSkeleton(s);
        }
    }

    private static final int MEMO_LIMIT = 8192;

    private final VendorNames names;
    private final Map<String, List<Form>> byNormalisedName;
    private final Map<View, Map<String, List<Form>>> byRunTogether = new java.util.EnumMap<>(View.class);
    private final Map<View, Integer> longest = new java.util.EnumMap<>(View.class);
    /** Screenings of the names seen recently: a portfolio repeats its vendors on every line. */
    private final ConcurrentHashMap<String, Screening> memo = new ConcurrentHashMap<>();

    VendorDirectory(VendorNames names, List<Form> forms) {
        this.names = names;
        Map<String, List<Form>> exact = new HashMap<>();
        for (Form f : forms) {
            exact.computeIfAbsent(String.join(" ", f.words()), k -> new ArrayList<>()).add(f);
        }
        this.byNormalisedName = freeze(exact);
        for (View view : View.values()) {
            Map<String, List<Form>> index = new HashMap<>();
            int max = 0;
            for (Form f : forms) {
                String together = runTogether(view, f.words(), 0, f.words().size());
                index.computeIfAbsent(together, k -> new ArrayList<>()).add(f);
                max = Math.max(max, together.length());
            }
            byRunTogether.put(view, freeze(index));
            longest.put(view, max);
        }
    }

    private static Map<String, List<Form>> freeze(Map<String, List<Form>> m) {
        Map<String, List<Form>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    private static String runTogether(View view, List<String> words, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(view.ofWord.apply(words.get(i)));
        }
        return b.toString();
    }

    /** The normaliser of this rule set (its legal forms). */
    public VendorNames names() {
        return names;
    }

    /** The listed entities {@code name} counts as; empty when it matches none. */
    public List<Identity> identitiesOf(String name) {
        return screen(name).matches();
    }

    /** Screens {@code name}: computed once per distinct name, then remembered. */
    public Screening screen(String name) {
        Screening known = memo.get(name);
        if (known != null) {
            return known;
        }
        Screening s = compute(name);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear(); // a crude bound: a portfolio names a few thousand vendors at most
        }
        memo.put(name, s);
        return s;
    }

    private Screening compute(String name) {
        List<String> words = names.words(name);
        if (words.isEmpty()) {
            return new Screening(words, List.of(), List.of());
        }
        Map<String, Identity> matches = new LinkedHashMap<>();
        for (Form f : byNormalisedName.getOrDefault(String.join(" ", words), List.of())) {
            matches.putIfAbsent(f.key() + "|" + f.via(), new Identity(f.key(), f.listedName(), f.via(), f.since()));
        }
        Set<String> matched = new java.util.HashSet<>();
        matches.values().forEach(m -> matched.add(m.key() + "|" + m.since()));

        Map<String, PossibleMatch> possible = new LinkedHashMap<>();
        for (View view : View.values()) {
            List<String> viewed = new ArrayList<>(words.size());
            for (String w : words) {
                viewed.add(view.ofWord.apply(w));
            }
            Map<String, List<Form>> index = byRunTogether.get(view);
            int max = longest.get(view);
            for (int from = 0; from < viewed.size(); from++) {
                StringBuilder together = new StringBuilder();
                for (int to = from; to < viewed.size(); to++) {
                    together.append(viewed.get(to));
                    if (together.length() > max) {
                        break;
                    }
                    for (Form f : index.getOrDefault(together.toString(), List.of())) {
                        if (!matched.contains(f.key() + "|" + f.since())) {
                            possible.putIfAbsent(f.key() + "|" + f.since(), new PossibleMatch(f.key(), f.listedName(),
                                    how(view, words, from, to + 1, f), f.since()));
                        }
                    }
                }
            }
        }
        List<PossibleMatch> out = new ArrayList<>(possible.values());
        out.sort(Comparator.comparing(PossibleMatch::key));
        return new Screening(words, List.copyOf(matches.values()), out);
    }

    private static String how(View view, List<String> words, int from, int to, Form f) {
        String form = "\"" + f.written() + "\"" + (f.via().startsWith("subsidiary") ? " (" + f.via() + ")" : "");
        boolean whole = from == 0 && to == words.size();
        if (view != View.WORDS) {
            return (whole ? "has the confusable skeleton of " : "contains a word confusable with ") + form
                    + " (Unicode TS #39)";
        }
        if (words.subList(from, to).equals(f.words())) {
            return "contains " + form + " as whole words";
        }
        return (whole ? "run together is " : "contains, run together, ") + form;
    }
}
