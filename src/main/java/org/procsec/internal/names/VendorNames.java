package org.procsec.internal.names;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The normalised form of a vendor name (POLICY 1.5, edition 2026.2). In this order:
 * <ol>
 *   <li>invisible and formatting characters are removed ({@link #removeInvisible}): Unicode's
 *       default-ignorable code points and format characters (zero-width spaces and joiners, soft
 *       hyphens, byte-order marks, bidirectional controls, tag characters);</li>
 *   <li>compatibility form with case folding, NFKC_Casefold ({@link #foldCompatibility}):
 *       full-width and mathematical letters become plain ones, case is ignored;</li>
 *   <li>accents are removed ({@link #removeAccents});</li>
 *   <li>every character that is not a letter or a digit is a word break, except that single
 *       letters joined by dots form one word ({@link #splitWords}: "S.A." is "sa");</li>
 *   <li>the legal-form words of the rule set's reference list are dropped, wherever they stand.</li>
 * </ol>
 * The Unicode steps are ICU4J's, not hand-written tables. Instances are immutable and thread-safe.
 */
public final class VendorNames {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private final Set<String> legalForms;

    /**
     * A normaliser that drops {@code legalForms}; each is itself normalised (steps 1 to 4) and
     * must be one word.
     *
     * @throws IllegalArgumentException when a legal form is not exactly one word once normalised
     */
    public VendorNames(Collection<String> legalForms) {
        Set<String> forms = new java.util.HashSet<>();
        for (String form : legalForms) {
            List<String> w = splitWords(removeAccents(foldCompatibility(removeInvisible(form))));
            if (w.size() != 1) {
                throw new IllegalArgumentException("legal form \"" + form + "\" is " + w.size()
                        + " words once normalised (expected one)");
            }
            forms.add(w.get(0));
        }
        this.legalForms = Set.copyOf(forms);
    }

    /** The legal-form words this normaliser drops, normalised. */
    public Set<String> legalForms() {
        return legalForms;
    }

    /**
     * The normalised words of {@code name}: {@code "Hangzhou Hikvision Digital Technology Co.,
     * Ltd."} gives {@code [hangzhou, hikvision, digital, technology]}. Empty when nothing is left
     * (only punctuation, spaces, invisible characters or legal forms: an input error, 1.5 d).
     */
    public List<String> words(String name) {
        List<String> words = allWords(name);
        return words.stream().filter(w -> !legalForms.contains(w)).toList();
    }

    /** The words of {@code name} after steps 1 to 4, legal forms included. */
    public static List<String> allWords(String name) {
        return List.copyOf(splitWords(removeAccents(foldCompatibility(removeInvisible(name)))));
    }

    /** The normalised name: its {@link #words} joined by single spaces. */
    public String normalise(String name) {
        return String.join(" ", words(name));
    }

    /**
     * True when {@code text} has a letter or digit once invisible characters are removed, whatever
     * the legal forms: the check a request parser can make without a rule set (1.5 d).
     */
    public static boolean hasWords(String text) {
        // An ASCII letter or digit survives every step (folding and accent removal keep it a letter
        // or digit, and words split only at what is neither): the normalisation is needed only for
        // names without one. HasWordsProperties checks both answers agree.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                return true;
            }
        }
        return hasWordsNormalised(text);
    }

    /** {@link #hasWords} by the whole normalisation. */
    static boolean hasWordsNormalised(String text) {
        return !allWords(text).isEmpty();
    }

    /** Step 1: removes default-ignorable code points and format characters (general category Cf). */
    static String removeInvisible(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (isInvisible(cp)) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    /** True for a character that renders as nothing: default-ignorable, or a format character. */
    public static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /**
     * The words of {@code name} as steps 1 to 4 give them but in the case they were written (NFKC
     * without case folding), for comparing letter by letter with confusable skeletons.
     */
    public static List<String> allWordsAsWritten(String name) {
        return List.copyOf(splitWords(removeAccents(NFKC.normalize(removeInvisible(name)))));
    }

    /** Step 2: NFKC with full case folding ("ＨＩＫ" and "𝐇𝐈𝐊" become "hik", "ß" becomes "ss"). */
    static String foldCompatibility(String s) {
        return NFKC_CASEFOLD.normalize(s);
    }

    /** Step 3: removes combining marks after canonical decomposition ("é" becomes "e"). */
    static String removeAccents(String s) {
        if (isAscii(s)) {
            return s;
        }
        String d = NFD.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                b.appendCodePoint(cp);
            }
        }
        return NFC.normalize(b);
    }

    /**
     * Step 4: splits at every character that is not a letter or a digit, then joins single
     * letters separated by exactly one dot ("s.a." and "z.t.e" are one word each; "co.ltd" and
     * "s. a." are two).
     */
    static List<String> splitWords(String s) {
        List<String> words = new ArrayList<>(4);
        StringBuilder initials = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            while (i < n && isLetterOrDigit(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i == start) {                       // a separator
                i += Character.charCount(s.codePointAt(i));
                continue;
            }
            String word = s.substring(start, i);
            boolean joined = initials.length() > 0;   // the previous one-letter word ended in "." + this one
            boolean letter = word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0));
            boolean joinsNext = letter && i + 1 < n && s.charAt(i) == '.' && isSingleLetterAt(s, i + 1);
            if (joined || joinsNext) {
                initials.append(word);
                if (!joinsNext) {
                    flush(words, initials);
                }
            } else {
                words.add(word);
            }
        }
        flush(words, initials);
        return words;
    }

    /** True when a one-letter word starts at {@code i}. */
    private static boolean isSingleLetterAt(String s, int i) {
        int cp = s.codePointAt(i);
        if (!Character.isLetter(cp)) {
            return false;
        }
        int next = i + Character.charCount(cp);
        return next >= s.length() || !isLetterOrDigit(s.codePointAt(next));
    }

    private static void flush(List<String> words, StringBuilder initials) {
        if (initials.length() > 0) {
            words.add(initials.toString());
            initials.setLength(0);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** A letter ({@code \p{L}}) or a number ({@code \p{N}}). */
    private static boolean isLetterOrDigit(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
