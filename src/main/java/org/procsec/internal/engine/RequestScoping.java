package org.procsec.internal.engine;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.procsec.internal.facts.RequestFinding;
import org.procsec.internal.facts.RequestKey;
import org.procsec.internal.facts.RequestScope;
import org.procsec.internal.facts.RequestScoped;
import org.procsec.model.Finding;
import org.procsec.ruleset.RuleProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins every rule to one request, where the rules are compiled, so that a session can assess
 * many requests at once without their facts meeting (docs/authoring.md, "Several requests in one
 * session"). The DRL authors read is unchanged; the text Drools compiles differs from it only on
 * the lines it already has, so that line numbers in messages stay the author's:
 * <ul>
 *   <li>every pattern on a request fact ({@link RequestScoped}, and {@code Finding}, which matches
 *       {@link RequestFinding}) gets {@code rq == $__rq}, inside {@code not}, {@code exists},
 *       {@code or}, {@code forall}, {@code accumulate} and {@code collect} too;</li>
 *   <li>{@code $__rq} is bound by the rule's first request pattern when the rule starts with one
 *       (reference-data patterns aside), otherwise by a {@link RequestKey} pattern added after
 *       {@code when};</li>
 *   <li>the consequence starts with {@link RequestScope#enter}, so that the facts it makes belong
 *       to the same request.</li>
 * </ul>
 * A pattern on a type that is neither a request fact nor reference data (a declared type, say)
 * cannot be joined: it is listed in {@link Result#unbatchable}, and the engine then assesses each
 * request in a session of its own, as it would otherwise mix requests.
 */
final class RequestScoping {
    /** The binding of the request's number; reserved in rule text. */
    static final String KEY = "$__rq";
    private static final String REFERENCE_PACKAGE = "org.procsec.internal.refdata";

    private RequestScoping() {
    }

    /**
     * The rewritten files; the problems that prevent it; and the patterns that cannot be joined to a
     * request, which keep each request in a session of its own (all with the author's path, line and column).
     */
    record Result(Map<String, String> drl, List<RuleProblem> problems, List<RuleProblem> unbatchable) {
    }

    /**
     * Rewrites each file of {@code drl} (path to text). A file that does not parse is passed on as
     * it is: the build reports its syntax errors.
     */
    static Result rewrite(Map<String, String> drl) {
        Map<String, String> out = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> unbatchable = new ArrayList<>();
        drl.forEach((path, text) -> out.put(path, rewrite(path, text, problems, unbatchable)));
        return new Result(out, problems, unbatchable);
    }

    static String rewrite(String path, String text, List<RuleProblem> problems, List<RuleProblem> unbatchable) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, text);
        } catch (org.drools.drl.parser.DroolsParserException | RuntimeException e) {
            return text;
        }
        if (pkg == null || parser.hasErrors()) {
            return text;
        }
        int reserved = text.indexOf(KEY);
        if (reserved >= 0) {
            int[] lc = lineColumn(text, reserved);
            problems.add(new RuleProblem(path, lc[0], lc[1], KEY + " is reserved: procsec binds it to the request"
                    + " of each match (docs/authoring.md)"));
            return text;
        }
        Types types = new Types(pkg);
        List<Edit> edits = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            if (rule instanceof QueryDescr) {
                continue;
            }
            new RuleRewrite(path, text, rule, types, edits, problems, unbatchable).run();
        }
        edits.sort(Comparator.comparingInt(Edit::at).reversed().thenComparing(Comparator.comparingInt(Edit::order).reversed()));
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : edits) {
            sb.replace(e.at(), e.at() + e.length(), e.text());
        }
        return sb.toString();
    }

    /** Replace {@code length} characters at {@code at} with {@code text}; {@code order} ranks edits at one place. */
    private record Edit(int at, int length, String text, int order) {
    }

    private enum Kind { REQUEST, FINDING, REFERENCE, OTHER, UNRESOLVED }

    /** Resolves pattern types as the DRL's imports do. */
    private static final class Types {
        private final List<String> explicit = new ArrayList<>();
        private final List<String> wildcard = new ArrayList<>();
        private final java.util.Set<String> declared = new java.util.HashSet<>();

        Types(PackageDescr pkg) {
            for (ImportDescr i : pkg.getImports()) {
                String t = i.getTarget();
                if (t.endsWith(".*")) {
                    wildcard.add(t.substring(0, t.length() - 1));
                } else {
                    explicit.add(t);
                }
            }
            if (pkg.getName() != null && !pkg.getName().isEmpty()) {
                wildcard.add(pkg.getName() + ".");
            }
            wildcard.add("java.lang.");
            pkg.getTypeDeclarations().forEach(d -> declared.add(d.getTypeName()));
            pkg.getEnumDeclarations().forEach(d -> declared.add(d.getTypeName()));
        }

        Kind kind(String written) {
            if (declared.contains(written)) {
                return Kind.OTHER;
            }
            Class<?> c = resolve(written);
            if (c == null) {
                return Kind.UNRESOLVED;
            }
            if (c == Finding.class) {
                return Kind.FINDING;
            }
            if (RequestScoped.class.isAssignableFrom(c)) {
                return Kind.REQUEST;
            }
            if (c.getPackageName().equals(REFERENCE_PACKAGE)) {
                return Kind.REFERENCE;
            }
            return Kind.OTHER;
        }

        private Class<?> resolve(String written) {
            if (written.indexOf('.') > 0) {
                Class<?> c = load(written);
                if (c != null) {
                    return c;
                }
            }
            for (String e : explicit) {
                if (e.endsWith("." + written)) {
                    return load(e);
                }
            }
            for (String prefix : wildcard) {
                Class<?> c = load(prefix + written);
                if (c != null) {
                    return c;
                }
            }
            return null;
        }

        private static Class<?> load(String name) {
            try {
                return Class.forName(name, false, RequestScoping.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }
    }

    /** The edits of one rule. */
    private static final class RuleRewrite {
        private final String path;
        private final String text;
        private final RuleDescr rule;
        private final Types types;
        private final List<Edit> edits;
        private final List<RuleProblem> problems;
        private final List<RuleProblem> unbatchable;
        private boolean scoped;

        RuleRewrite(String path, String text, RuleDescr rule, Types types, List<Edit> edits, List<RuleProblem> problems,
                    List<RuleProblem> unbatchable) {
            this.path = path;
            this.text = text;
            this.rule = rule;
            this.types = types;
            this.edits = edits;
            this.problems = problems;
            this.unbatchable = unbatchable;
        }

        void run() {
            AndDescr lhs = rule.getLhs();
            if (lhs == null || lhs.getDescrs().isEmpty()) {
                return;
            }
            List<Edit> mine = new ArrayList<>();
            int problemsBefore = problems.size();
            // The binding goes on the first request pattern if only reference patterns come before it.
            PatternDescr binder = null;
            for (BaseDescr d : lhs.getDescrs()) {
                if (d instanceof PatternDescr p && inWorkingMemory(p)) {
                    Kind k = types.kind(p.getObjectType());
                    if (k == Kind.REQUEST || k == Kind.FINDING) {
                        binder = p;
                        break;
                    }
                    if (k == Kind.REFERENCE) {
                        continue;
                    }
                }
                break;
            }
            for (BaseDescr d : lhs.getDescrs()) {
                walk(d, binder, mine);
            }
            if (problems.size() > problemsBefore) {
                return;
            }
            if (!scoped) {
                // No request fact: what it makes belongs to request 0, the only one of a session of one
                // (a rule set with such a rule that derives anything is not batched: checkReferenceOnly).
                int then = keyword("then", lhs.getEndCharacter() > 0 ? lhs.getEndCharacter() : lhs.getStartCharacter(),
                        rule.getEndCharacter() > 0 ? rule.getEndCharacter() : text.length());
                if (then >= 0 && rule.getNamedConsequences().isEmpty()) {
                    edits.add(new Edit(then + 4, 0, " " + RequestScope.class.getName() + ".enter(0);", 0));
                }
                return;
            }
            if (binder == null) {
                int when = keyword("when", afterName(), lhs.getDescrs().get(0).getStartCharacter());
                if (when < 0) {
                    problem(rule, "cannot find 'when' to add the request pattern after");
                    return;
                }
                mine.add(new Edit(when + 4, 0, " " + RequestKey.class.getName() + "(" + KEY + " : rq)", 0));
            }
            int then = keyword("then", lhs.getEndCharacter() > 0 ? lhs.getEndCharacter() : lhs.getStartCharacter(),
                    rule.getEndCharacter() > 0 ? rule.getEndCharacter() : text.length());
            if (then < 0 || !rule.getNamedConsequences().isEmpty()) {
                problem(rule, "cannot find the consequence ('then') to scope to the request"
                        + (rule.getNamedConsequences().isEmpty() ? "" : ": named consequences are not supported"));
                return;
            }
            mine.add(new Edit(then + 4, 0, " " + RequestScope.class.getName() + ".enter(" + KEY + ");", 0));
            edits.addAll(mine);
        }

        private void walk(BaseDescr d, PatternDescr binder, List<Edit> mine) {
            if (d instanceof PatternDescr p) {
                BaseDescr source = p.getSource();
                if (source instanceof AccumulateDescr a) {
                    walk(a.getInput() != null ? a.getInput() : a.getInputPattern(), binder, mine);
                    return;
                }
                if (source instanceof CollectDescr c) {
                    walk(c.getInputPattern(), binder, mine);
                    return;
                }
                if (!inWorkingMemory(p)) {
                    return; // from an expression: objects reached from facts the rule has already joined
                }
                Kind k = types.kind(p.getObjectType());
                switch (k) {
                    case REQUEST, FINDING -> {
                        scoped = true;
                        join(p, k == Kind.FINDING, p == binder ? KEY + " : rq" : "rq == " + KEY, mine);
                    }
                    case OTHER -> unbatchable.add(at(p, "the pattern " + p.getObjectType() + " is neither a request fact"
                            + " (org.procsec.internal.facts) nor reference data (org.procsec.internal.refdata): in a"
                            + " session of several requests it would match every request's (docs/authoring.md)"));
                    case REFERENCE, UNRESOLVED -> {
                        // reference data is shared by every request; an unknown type is the compiler's to report
                    }
                }
            } else if (d instanceof ConditionalElementDescr ce) {
                for (BaseDescr child : ce.getDescrs()) {
                    walk(child, binder, mine);
                }
            }
        }

        private void join(PatternDescr p, boolean finding, String constraint, List<Edit> mine) {
            int start = p.getStartCharacter();
            int end = p.getEndCharacter();
            if (start < 0 || end <= start || end > text.length()) {
                problem(p, "cannot find the pattern " + p.getObjectType() + " in the text to join it to its request");
                return;
            }
            String type = p.getObjectType();
            Matcher m = Pattern.compile("(?<![\\w$.])" + Pattern.quote(type) + "\\s*\\(").matcher(text);
            m.region(start, end);
            int close = end - 1;
            while (close > start && Character.isWhitespace(text.charAt(close))) {
                close--;
            }
            if (!m.find() || text.charAt(close) != ')') {
                problem(p, "cannot find the parentheses of the pattern " + type + " to join it to its request");
                return;
            }
            int open = m.end() - 1;
            boolean empty = text.substring(open + 1, close).isBlank();
            mine.add(new Edit(close, 0, empty ? constraint : ", " + constraint, 1));
            if (finding) {
                mine.add(new Edit(m.start(), type.length(), RequestFinding.class.getName(), 0));
            }
        }

        /** Where the rule's header ends: after its quoted name. */
        private int afterName() {
            int start = Math.max(rule.getStartCharacter(), 0);
            int q = text.indexOf('"', start);
            if (q < 0) {
                return start;
            }
            int q2 = text.indexOf('"', q + 1);
            return q2 < 0 ? start : q2 + 1;
        }

        /** The first {@code word} in [from, to) outside comments and strings; -1 if none. */
        private int keyword(String word, int from, int to) {
            to = Math.min(to, text.length());
            int i = Math.max(from, 0);
            while (i < to) {
                char c = text.charAt(i);
                if (c == '/' && i + 1 < to && text.charAt(i + 1) == '/') {
                    int nl = text.indexOf('\n', i);
                    i = nl < 0 ? to : nl + 1;
                } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                    int e = text.indexOf("*/", i + 2);
                    i = e < 0 ? to : e + 2;
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < to && text.charAt(j) != c) {
                        j += text.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j + 1;
                } else if (text.startsWith(word, i) && (i == 0 || !isWordChar(text.charAt(i - 1)))
                        && (i + word.length() >= text.length() || !isWordChar(text.charAt(i + word.length())))) {
                    return i;
                } else {
                    i++;
                }
            }
            return -1;
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
        }

        private void problem(BaseDescr where, String message) {
            problems.add(at(where, message));
        }

        private RuleProblem at(BaseDescr where, String message) {
            return new RuleProblem(path, Math.max(where.getLine(), 0), Math.max(where.getColumn(), 0) + 1,
                    "rule \"" + rule.getName() + "\": " + message);
        }
    }

    private static boolean inWorkingMemory(PatternDescr p) {
        return p.getSource() == null || p.getSource() instanceof EntryPointDescr;
    }

    private static int[] lineColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
