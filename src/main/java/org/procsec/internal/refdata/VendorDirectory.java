package org.procsec.internal.refdata;

import org.procsec.internal.names.VendorNames;
import com.ibm.icu.text.SpoofChecker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        WORDS(w -> w, false),
        LOWER_SKELETON(w -> Skeletons.of(w), false),
        UPPER_SKELETON(w -> Skeletons.of(w.toUpperCase(Locale.ROOT)), false),
        /**
         * The name's letters in the case they were written, by skeleton, then upper case and
         * skeleton again until nothing changes: a Greek capital Ν beside a Cyrillic small һ
         * ("Νuctecһ"), or a digit 1 for a small i ("h1kvision"), is neither an all-capital nor an
         * all-small look-alike, but this way both sides end as "NUCTECH" and "HLKVLSLON".
         */
        CASELESS_SKELETON(Skeletons::caseless, true);

        final UnaryOperator<String> ofWord;
        /** True when the name's words are taken as written (not case-folded) before {@link #ofWord}. */
        final boolean asWritten;

        View(UnaryOperator<String> ofWord, boolean asWritten) {
            this.ofWord = ofWord;
            this.asWritten = asWritten;
        }
    }

    /** The UTS #39 skeleton, from ICU4J; the checker is built once (its data load is costly). */
    private static final class Skeletons {
        private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

        static String of(String s) {
            return CHECKER.getSkeleton(s);
        }

        static String caseless(String s) {
            String k = of(s);
            for (int round = 0; round < 4; round++) {
                String next = of(k.toUpperCase(Locale.ROOT));
                if (next.equals(k)) {
                    break;
                }
                k = next;
            }
            return k;
        }
    }

    private static final int MEMO_LIMIT = 8192;

    private final VendorNames names;
    private final Map<String, List<Form>> byNormalisedName;
    private final Map<View, Map<String, List<Form>>> byRunTogether = new java.util.EnumMap<>(View.class);
    private final Map<View, Integer> longest = new java.util.EnumMap<>(View.class);
    private final Map<View, LegalForms> legalForms = new java.util.EnumMap<>(View.class);
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
            legalForms.put(view, new LegalForms(names.legalForms().stream().map(view.ofWord).sorted().toList()));
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
        List<String> all = VendorNames.allWords(name);
        List<String> words = all.stream().filter(w -> !names.legalForms().contains(w)).toList();
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
        // The words without legal forms, then with them: "D.ahu aB.V." hides Dahua's last letter in
        // what reads as the legal form AB; with the legal forms kept, "dahuabv" less "bv" is "dahua".
        Map<String, String> viewedWords = new HashMap<>();   // a word's skeletons, computed once
        for (List<String> seen : all.size() == words.size() ? List.of(words) : List.of(words, all)) {
            for (View view : View.values()) {
                if (!view.asWritten) {
                    possibleMatches(view, seen, matched, possible, viewedWords);
                }
            }
        }
        possibleMatches(View.CASELESS_SKELETON, VendorNames.allWordsAsWritten(name), matched, possible, viewedWords);
        List<PossibleMatch> out = new ArrayList<>(possible.values());
        out.sort(Comparator.comparing(PossibleMatch::key));
        return new Screening(words, List.copyOf(matches.values()), out);
    }

    /** Adds the possible matches of {@code words} seen through {@code view} to {@code possible}. */
    private void possibleMatches(View view, List<String> words, Set<String> matched, Map<String, PossibleMatch> possible,
                                 Map<String, String> viewedWords) {
        List<String> viewed = new ArrayList<>(words.size());
        for (String w : words) {
            viewed.add(view == View.WORDS ? w : viewedWords.computeIfAbsent(view.ordinal() + w, k -> view.ofWord.apply(w)));
        }
        Map<String, List<Form>> index = byRunTogether.get(view);
        LegalForms forms = legalForms.get(view);
        int max = longest.get(view) + 4 * forms.longest;
        for (int from = 0; from < viewed.size(); from++) {
            StringBuilder together = new StringBuilder();
            for (int to = from; to < viewed.size(); to++) {
                together.append(viewed.get(to));
                if (together.length() > max) {
                    break;
                }
                for (String candidate : withoutLegalForms(together.toString(), forms)) {
                    for (Form f : index.getOrDefault(candidate, List.of())) {
                        if (!matched.contains(f.key() + "|" + f.since())) {
                            possible.putIfAbsent(f.key() + "|" + f.since(), new PossibleMatch(f.key(),
                                    f.listedName(), how(view, words, from, to + 1, f), f.since()));
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code together} and what is left of it once legal-form words run into it are dropped from
     * its ends: "hikvisionltd" is "hikvision ltd" with its spaces removed, and legal forms are
     * ignored (1.5). Only a remainder that is exactly a listed name counts, so this cannot make
     * ordinary words possible matches.
     */
    private static Collection<String> withoutLegalForms(String together, LegalForms forms) {
        if (!forms.endsOrStarts(together)) {
            return List.of(together);    // the common case: nothing to drop, nothing to allocate
        }
        // Every way of dropping forms from either end ("dahuasa" is "dahua" + "sa", not "dahu" + "asa").
        Set<String> out = new LinkedHashSet<>();
        out.add(together);
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(out);
        while (!todo.isEmpty() && out.size() < 256) {
            String s = todo.poll();
            for (String form : forms.endingLike(s)) {
                if (s.length() > form.length() && s.endsWith(form) && out.add(s.substring(0, s.length() - form.length()))) {
                    todo.add(s.substring(0, s.length() - form.length()));
                }
            }
            for (String form : forms.startingLike(s)) {
                if (s.length() > form.length() && s.startsWith(form) && out.add(s.substring(form.length()))) {
                    todo.add(s.substring(form.length()));
                }
            }
        }
        return out;
    }

    /** The legal forms of one view, by their last and first character (each lookup checks a few). */
    private static final class LegalForms {
        private final Map<Character, List<String>> byLast = new HashMap<>();
        private final Map<Character, List<String>> byFirst = new HashMap<>();
        final int longest;

        LegalForms(List<String> forms) {
            int max = 0;
            for (String f : forms) {
                if (!f.isEmpty()) {
                    byLast.computeIfAbsent(f.charAt(f.length() - 1), k -> new ArrayList<>()).add(f);
                    byFirst.computeIfAbsent(f.charAt(0), k -> new ArrayList<>()).add(f);
                    max = Math.max(max, f.length());
                }
            }
            longest = max;
        }

        List<String> endingLike(String s) {
            return s.isEmpty() ? List.of() : byLast.getOrDefault(s.charAt(s.length() - 1), List.of());
        }

        List<String> startingLike(String s) {
            return s.isEmpty() ? List.of() : byFirst.getOrDefault(s.charAt(0), List.of());
        }

        boolean endsOrStarts(String s) {
            for (String f : endingLike(s)) {
                if (s.length() > f.length() && s.endsWith(f)) {
                    return true;
                }
            }
            for (String f : startingLike(s)) {
                if (s.length() > f.length() && s.startsWith(f)) {
                    return true;
                }
            }
            return false;
        }
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
