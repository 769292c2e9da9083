package org.procsec.internal.engine;

import org.procsec.ruleset.RuleInfo;
import org.procsec.internal.facts.RuleSupport;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.rule.Rule;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;
import org.procsec.internal.refdata.ReferenceData;
import org.procsec.internal.refdata.ReferenceDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link RuleSource} into {@link CompiledRules}: reference data, DRL, then the policy
 * shape (every rule named by a well-formed id, ids unique, every cited clause in the clause index).
 * Every problem is reported with the author's file and line.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    /** Where DRL files go in the in-memory KieFileSystem; stripped again from messages. */
    /** Where DRL files go in the KieFileSystem: the folder of their package, org.procsec.rules (Drools warns otherwise). */
    static final String KFS_ROOT = "src/main/resources/org/procsec/rules/";
    private static final Pattern LINE_COL = Pattern.compile("\\[?Line (\\d+):(\\d+)\\]?");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * Compiling is a pure function of the files, which the fingerprint identifies, so a few recent
     * builds are kept: engines over the same rule set share one (thread-safe) KieBase.
     */
    private static final int CACHE_SIZE = 4;
    private static final Map<String, CompiledRules> CACHE = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRules> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private RuleCompiler() {
    }

    /**
     * Starts loading the rules precompiled at build time, if the class path has them, on another
     * thread: for a caller that will compile the bundled rules soon and has other work meanwhile
     * (the CLI reads its requests). {@link #compile} uses the load only if the rule files have
     * the fingerprint the rules were precompiled from. Does nothing when there are none, or when
     * those rules are already compiled (then {@link #compile} answers from its cache).
     */
    public static void prefetchPrecompiled() {
        java.util.Optional<String> fingerprint = PrecompiledRules.fingerprint();
        if (fingerprint.isEmpty()) {
            return;
        }
        synchronized (CACHE) {
            if (CACHE.containsKey(fingerprint.get())) {
                return;
            }
        }
        PrecompiledRules.prefetch(fingerprint.get(), () -> kieBaseConfiguration(KieServices.Factory.get()));
    }

    /** Compiles {@code source}; throws with every problem when it does not build cleanly. */
    public static CompiledRules compile(RuleSource source) throws RuleBuildException {
        CompiledRules cached;
        synchronized (CACHE) {
            cached = CACHE.get(source.fingerprint());
        }
        if (cached != null) {
            return new CompiledRules(cached.kieBase(), cached.referenceData(), cached.fingerprint(),
                    source.description(), cached.rules(), cached.unbatchable());
        }
        CompiledRules built = build(source);
        synchronized (CACHE) {
            CACHE.put(source.fingerprint(), built);
        }
        return built;
    }

    private static final String PRECOMPILED = "the precompiled executable model";

    /** Builds without the cache (benchmarks measure this). */
    static CompiledRules build(RuleSource source) throws RuleBuildException {
        long start = System.nanoTime();
        // Rules precompiled from these very files load on another thread while the reference data
        // is read: both are mostly class loading on a cold start (docs/performance.md).
        java.util.concurrent.CompletableFuture<java.util.Optional<KieBase>> precompiled =
                PrecompiledRules.takePrefetched(source.fingerprint()).orElseGet(() ->
                PrecompiledRules.matches(source.fingerprint())
                        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> PrecompiledRules.kieBase(
                                source.fingerprint(), kieBaseConfiguration(KieServices.Factory.get())))
                        : java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty()));
        List<RuleProblem> problems = new ArrayList<>();
        ReferenceData data = ReferenceDataLoader.load(source.files(), problems);

        Map<String, String> drl = new HashMap<>();
        source.files().forEach((path, bytes) -> {
            // The rule set's own DRL files only: subfolders (other rule sets, scratch copies) are not part of it.
            if (path.endsWith(".drl") && path.indexOf('/') < 0) {
                drl.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(".", 0, 0, "no DRL files (expected *.drl beside reference/)"));
        }

        KieBase kieBase = null;
        List<RuleProblem> scopedErrors = List.of();
        String how = "DRL";
        if (!drl.isEmpty() && problems.isEmpty()) {
            kieBase = precompiled.join().orElse(null);
            how = kieBase != null ? PRECOMPILED : how;
        }
        // The precompiled model was made from the request-scoped text, and only for a batchable rule set
        // (RulePrecompiler): the rewriting is needed only when the rules are compiled here.
        RequestScoping.Result scopedDrl = drl.isEmpty() || !problems.isEmpty() || kieBase != null ? null
                : RequestScoping.rewrite(drl);
        List<RuleProblem> unbatchable = new ArrayList<>(scopedDrl == null ? List.of() : scopedDrl.unbatchable());
        if (scopedDrl != null && !scopedDrl.problems().isEmpty()) {
            problems.addAll(scopedDrl.problems());
            kieBase = null;
        } else if (scopedDrl != null && kieBase == null) {
            // The text compiled is the request-scoped one (RequestScoping); if it does not build, the
            // author's text is built for the messages, which then name what the author wrote.
            KieServices ks = KieServices.Factory.get();
            ReleaseId scopedId = ks.newReleaseId("org.procsec.rules", "ruleset-" + BUILDS.incrementAndGet(), "1.0.0");
            KieFileSystem scopedKfs = ks.newKieFileSystem();
            scopedKfs.generateAndWritePomXML(scopedId);
            scopedDrl.drl().forEach((path, text) -> scopedKfs.write(KFS_ROOT + path, text));
            KieBuilder scopedBuilder = ks.newKieBuilder(scopedKfs).buildAll();
            if (scopedBuilder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
                kieBase = ks.newKieContainer(scopedId).newKieBase(kieBaseConfiguration(ks));
            } else {
                scopedErrors = drlProblems(scopedBuilder, scopedDrl.drl());
            }
            ks.getRepository().removeKieModule(scopedId);
        }
        if (!drl.isEmpty() && kieBase == null && problems.isEmpty()) {
            KieServices ks = KieServices.Factory.get();
            ReleaseId releaseId = ks.newReleaseId("org.procsec.rules", "ruleset-" + BUILDS.incrementAndGet(), "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            drl.forEach((path, text) -> kfs.write(KFS_ROOT + path, text));
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            List<RuleProblem> drlProblems = drlProblems(builder, drl);
            // A file that does not parse stops Drools before it type-checks the others: build those
            // again without it, so that their errors are reported too (each problem once).
            java.util.Set<String> unparsed = new java.util.TreeSet<>();
            drlProblems.stream().filter(RuleCompiler::isParseError).forEach(p -> unparsed.add(p.path()));
            unparsed.retainAll(drl.keySet());
            if (!unparsed.isEmpty() && unparsed.size() < drl.size()) {
                Map<String, String> rest = new HashMap<>(drl);
                unparsed.forEach(rest::remove);
                ReleaseId again = ks.newReleaseId("org.procsec.rules", "ruleset-" + BUILDS.incrementAndGet(), "1.0.0");
                KieFileSystem kfs2 = ks.newKieFileSystem();
                kfs2.generateAndWritePomXML(again);
                rest.forEach((path, text) -> kfs2.write(KFS_ROOT + path, text));
                for (RuleProblem p : drlProblems(ks.newKieBuilder(kfs2).buildAll(), rest)) {
                    if (rest.containsKey(p.path()) && !drlProblems.contains(p)) {
                        drlProblems.add(p);
                    }
                }
                ks.getRepository().removeKieModule(again);
            }
            problems.addAll(drlProblems);
            if (drlProblems.isEmpty()) {
                // The author's text builds but the request-scoped one does not: say so, never run unscoped rules.
                for (RuleProblem p : scopedErrors) {
                    problems.add(new RuleProblem(p.path(), p.line(), p.column(), "with the request joins procsec"
                            + " adds (docs/authoring.md): " + p.message()));
                }
                if (problems.isEmpty()) {
                    problems.add(new RuleProblem(".", 0, 0, "the rules with the request joins procsec adds do not build"));
                }
            }
            ks.getRepository().removeKieModule(releaseId);
        }

        List<RuleInfo> rules = new ArrayList<>();
        if (kieBase != null) {
            rules = describe(kieBase, drl);
            problems.addAll(checkShape(rules, data));
            // The precompiled model is made only from rules that pass this check, on these very files
            // (RulePrecompiler; the fingerprint covers the reference data): a cold start need not fire it again.
            if (problems.isEmpty() && !how.equals(PRECOMPILED)) {
                unbatchable.addAll(checkReferenceOnly(kieBase, data, rules));
            }
            problems.addAll(checkListNames(drl));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RuleProblem::path).thenComparingInt(RuleProblem::line)
                    .thenComparingInt(RuleProblem::column));
            throw new RuleBuildException(source.description(), problems);
        }
        LOG.debug("built {} rules from {} ({}) in {} ms", rules.size(), source.description(), how,
                (System.nanoTime() - start) / 1_000_000);
        if (!unbatchable.isEmpty()) {
            LOG.warn("rules from {}: each request is assessed in a session of its own ({} rule{} would mix requests"
                    + " in a shared one; procsec validate lists them): {}", source.description(), unbatchable.size(),
                    unbatchable.size() == 1 ? "" : "s", unbatchable.get(0));
        }
        return new CompiledRules(kieBase, data, source.fingerprint(), source.description(), rules, unbatchable);
    }

    /** The error messages of a build as problems, each once, moved to the line to fix where that is known. */
    private static List<RuleProblem> drlProblems(KieBuilder builder, Map<String, String> drl) {
        List<RuleProblem> out = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleProblem p = refine(toProblem(m), drl);
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        // A missing ')' makes the parser add a line-0 "Parser returned a null Package" message
        // after the real one; it says nothing more.
        if (out.size() > 1) {
            out.removeIf(p -> p.line() == 0 && p.message().contains("Parser returned a null Package"));
        }
        return out;
    }

    /** True for a DRL parser error (the file did not parse), as opposed to a type or compile error. */
    static boolean isParseError(RuleProblem p) {
        return p.message().startsWith("[ERR ") || p.message().contains("mismatched input")
                || p.message().contains("Parser returned a null Package")
                || p.message().contains("a ')' or ',' may be missing");
    }

    /** The same for both ways of building: facts are compared by equality (see docs/authoring.md). */
    static KieBaseConfiguration kieBaseConfiguration(KieServices ks) {
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        return conf;
    }

    private static RuleProblem toProblem(Message m) {
        String path = m.getPath() == null ? "." : m.getPath();
        // Drools names the file relative to the KieFileSystem root or to its resources folder.
        for (String prefix : new String[] {KFS_ROOT, "org/procsec/rules/", "rules/"}) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
                break;
            }
        }
        int line = Math.max(m.getLine(), 0);
        int column = Math.max(m.getColumn(), 0);
        String text = m.getText() == null ? "" : m.getText().strip();
        Matcher lc = LINE_COL.matcher(text);
        if (lc.find()) {
            if (line == 0) {
                line = Integer.parseInt(lc.group(1));
            }
            if (column == 0) {
                column = Integer.parseInt(lc.group(2)) + 1;
            }
        }
        text = text.replaceAll("\\s*\\n\\s*", " ");
        return new RuleProblem(path, line, column, text);
    }

    private static final Pattern UNDEFINED = Pattern.compile(
            "(?:The method (\\w+)\\(|(\\w+) cannot be resolved|The constructor (\\w+)\\(|"
            + "The field (\\w+) is not visible|(\\w+) is not a field)");

    /**
     * Moves a problem to the line that needs the fix where Drools reports it elsewhere:
     * <ul>
     * <li>a missing {@code )} or {@code ,} makes the parser fail on the first token of the next
     * line ("mismatched input 'then'" at column 0): the fix is at the end of the previous
     * non-blank line;</li>
     * <li>a Java error in a then-block is reported at the rule's header: the line is that of the
     * first use, inside the rule's consequence, of the name the compiler complains about.</li>
     * </ul>
     */
    static RuleProblem refine(RuleProblem p, Map<String, String> drl) {
        String text = drl.get(p.path());
        if (text == null || p.line() < 1) {
            return p;
        }
        String[] lines = text.split("\n", -1);
        if (p.line() > lines.length) {
            return p;
        }
        String reported = lines[p.line() - 1];
        int indent = reported.length() - reported.stripLeading().length();
        if (p.message().contains("mismatched input") && p.column() <= indent + 1) {
            int prev = p.line() - 2;
            while (prev >= 0 && lines[prev].isBlank()) {
                prev--;
            }
            if (prev >= 0) {
                return new RuleProblem(p.path(), prev + 1, lines[prev].stripTrailing().length() + 1,
                        "a ')' or ',' may be missing at the end of this line (the parser stopped at line "
                                + p.line() + "): " + p.message());
            }
        }
        if (p.message().startsWith("Rule Compilation error") && p.message().contains("Syntax error")) {
            int[] at = consequenceSyntaxError(lines, p.line() - 1, p.message());
            if (at != null) {
                return new RuleProblem(p.path(), at[0] + 1, at[1] + 1, p.message());
            }
        }
        Matcher m = UNDEFINED.matcher(p.message());
        if (p.message().startsWith("Rule Compilation error") && m.find()) {
            String name = null;
            for (int g = 1; g <= m.groupCount() && name == null; g++) {
                name = m.group(g);
            }
            boolean inThen = false;
            for (int i = p.line() - 1; i < lines.length; i++) {
                String line = lines[i];
                if (line.strip().equals("then")) {
                    inThen = true;
                } else if (line.strip().equals("end")) {
                    break;
                } else if (inThen) {
                    Matcher use = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(line);
                    if (use.find()) {
                        return new RuleProblem(p.path(), i + 1, use.start() + 1, p.message());
                    }
                }
            }
        }
        return p;
    }

    private static final Pattern SYNTAX_TOKEN = Pattern.compile("Syntax error on token \"([^\"]+)\"");

    /**
     * Where in the then-block of the rule whose header is on line {@code header} (0-based) a Java syntax
     * error is: the first bracket that closes nothing, else the first that is never closed, else the first
     * occurrence of the token the compiler names. {@code {line, column}}, 0-based, or null when not found.
     */
    static int[] consequenceSyntaxError(String[] lines, int header, String message) {
        int then = -1;
        int thenCol = 0;
        for (int i = header; i < lines.length; i++) {
            Matcher t = Pattern.compile("^\\s*then\\b").matcher(lines[i]);
            if (t.find()) {
                then = i;
                thenCol = t.end();
                break;
            }
        }
        if (then < 0) {
            return null;
        }
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        int end = lines.length;
        for (int i = then; i < lines.length; i++) {
            if (i > then && lines[i].strip().equals("end")) {
                end = i;
                break;
            }
            String line = lines[i];
            char quote = 0;
            for (int c = i == then ? thenCol : 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quote != 0) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    break;
                } else if (ch == '(' || ch == '[' || ch == '{') {
                    open.push(new int[] {i, c});
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    if (open.isEmpty()) {
                        return new int[] {i, c};
                    }
                    open.pop();
                }
            }
        }
        if (!open.isEmpty()) {
            return open.peekLast();
        }
        Matcher token = SYNTAX_TOKEN.matcher(message);
        if (token.find()) {
            for (int i = then; i < end; i++) {
                int c = lines[i].indexOf(token.group(1), i == then ? thenCol : 0);
                if (c >= 0) {
                    return new int[] {i, c};
                }
            }
        }
        return null;
    }

    /** Every rule of the KieBase with the file and line of its header. */
    static List<RuleInfo> describe(KieBase kieBase, Map<String, String> drl) {
        Map<String, int[]> where = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        drl.forEach((path, text) -> {
            Matcher m = RULE_HEADER.matcher(text);
            while (m.find()) {
                int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                where.putIfAbsent(m.group(1), new int[] {line});
                fileOf.putIfAbsent(m.group(1), path);
            }
        });
        List<RuleInfo> out = new ArrayList<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                String id = RuleSupport.ruleId(r.getName());
                out.add(new RuleInfo(id, r.getName(), RuleSupport.clauseOf(id),
                        fileOf.getOrDefault(r.getName(), "?"), where.getOrDefault(r.getName(), new int[] {0})[0]));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        return out;
    }

    private static final Pattern LISTED = Pattern.compile("\\blisted\\(\\s*\"([^\"]*)\"\\s*\\)");

    /**
     * Every {@code listed("name")} must name a list of reference/parameters.json: an unknown name
     * would otherwise only fail when an assessment reaches it.
     */
    static List<RuleProblem> checkListNames(Map<String, String> drl) {
        List<RuleProblem> problems = new ArrayList<>();
        drl.forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int comment = lines[i].indexOf("//");
                Matcher m = LISTED.matcher(comment < 0 ? lines[i] : lines[i].substring(0, comment));
                while (m.find()) {
                    if (!org.procsec.internal.refdata.Parameters.listNames().contains(m.group(1))) {
                        problems.add(new RuleProblem(path, i + 1, m.start(1) + 1, "listed(\"" + m.group(1)
                                + "\"): no such list in reference/parameters.json (expected one of "
                                + new java.util.TreeSet<>(org.procsec.internal.refdata.Parameters.listNames()) + ")"));
                    }
                }
            }
        });
        return problems;
    }

    /**
     * A rule that fires on reference data alone derives a fact once per session, which every request
     * of a shared session would then see (docs/authoring.md): such rules keep requests in sessions
     * of their own, and are listed at the rule's header.
     */
    static List<RuleProblem> checkReferenceOnly(KieBase kieBase, ReferenceData data, List<RuleInfo> rules) {
        Map<String, java.util.Set<String>> derived = new java.util.TreeMap<>();
        org.kie.api.runtime.KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        derived.computeIfAbsent(event.getRule().getName(), k -> new java.util.TreeSet<>())
                                .add(event.getObject() == null ? "null" : event.getObject().getClass().getSimpleName());
                    }
                }
            });
            for (Object fact : data.facts()) {
                session.insert(fact);
            }
            session.fireAllRules(10_000);
        } catch (RuntimeException e) {
            // a rule that crashes on reference data alone fails every assessment: that is reported there
        } finally {
            session.dispose();
        }
        List<RuleProblem> out = new ArrayList<>();
        derived.forEach((name, types) -> {
            RuleInfo info = rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
            out.add(new RuleProblem(info == null ? "." : info.file(), info == null ? 0 : info.line(), 1,
                    "rule \"" + name + "\": fires on reference data alone and derives " + String.join(", ", types)
                    + ", which every request of a shared session would see; join it to a request fact"
                    + " (docs/authoring.md)"));
        });
        return out;
    }

    private static List<RuleProblem> checkShape(List<RuleInfo> rules, ReferenceData data) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (RuleInfo r : rules) {
            if (!RuleSupport.RULE_ID.matcher(r.name()).find()) {
                problems.add(new RuleProblem(r.file(), r.line(), 1, "rule \"" + r.name()
                        + "\" has no rule id (expected FAMILY-CLAUSE-slug, e.g. \"CLR-3.7-unclearable-country ...\","
                        + " FAMILY one of SEC, CLR, CSE, PRH, CND, LCY, DEC)"));
                continue;
            }
            RuleInfo twin = byId.putIfAbsent(r.id(), r);
            if (twin != null) {
                problems.add(new RuleProblem(r.file(), r.line(), 1, "rule id " + r.id() + " is used twice (also at "
                        + twin.file() + ":" + twin.line() + ")"));
            }
            if (data != null && data.clause(r.clause()).isEmpty()) {
                problems.add(new RuleProblem(r.file(), r.line(), 1, "rule " + r.id() + " cites clause " + r.clause()
                        + ", which reference/clauses.json does not list"));
            }
        }
        return problems;
    }
}
