package org.procsec.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashMap;

/**
 * An assessment with the reasons for it: each rule that fired, in firing order, with the facts it
 * matched. What {@code PolicyEngine.explain} returns; {@code assess --explain} prints it.
 *
 * @param assessment the assessment, the same as {@code PolicyEngine.assess} gives
 * @param firings    the rules that fired, first first
 */
public record Explanation(Assessment assessment, List<Firing> firings) {
    public Explanation {
        Objects.requireNonNull(assessment, "assessment");
        firings = List.copyOf(firings);
    }

        /**
         * One matched fact: its type and its fields.
         *
         * @param type   the fact's simple class name, e.g. {@code Party}
         * @param fields its record components in declaration order; values are strings, numbers, booleans,
         *               lists, maps sorted by key, nested {@link Fact}s or null
         */
        public record Fact(String type, Map<String, Object> fields) {
            public Fact {
                Objects.requireNonNull(type, "type");
                fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            }

            /** {@code Type(name=value, ...)} on one line; long lists and maps are summarised. */
            public String summary() {
                StringBuilder b = new StringBuilder(type).append('(');
                int n = 0;
                for (Map.Entry<String, Object> e : fields.entrySet()) {
                    if (n == MAX_SUMMARY_FIELDS && fields.size() > MAX_SUMMARY_FIELDS + 1) {
                        b.append(", ... ").append(fields.size() - n).append(" more fields");
                        break;
                    }
                    if (n++ > 0) {
                        b.append(", ");
                    }
                    b.append(e.getKey()).append('=').append(brief(e.getValue()));
                }
                return b.append(')').toString();
            }

            private static final int MAX_SUMMARY_FIELDS = 8;

            private static String brief(Object v) {
                if (v instanceof Fact f) {
                    return f.summary();
                }
                if (v instanceof Map<?, ?> m) {
                    return m.size() > 6 ? "{" + m.size() + " entries}" : m.toString();
                }
                if (v instanceof List<?> l) {
                    return l.size() > 8 ? "[" + l.size() + " items]" : l.stream().map(Fact::brief).toList().toString();
                }
                return String.valueOf(v);
            }
        }

        /**
         * One firing.
         *
         * @param ruleId  the rule's id
         * @param clause  the clause it cites
         * @param rule    the rule's full name
         * @param facts   the facts it matched, with their types and fields, in the order the rule names them
         */
        public record Firing(String ruleId, String clause, String rule, List<Fact> facts) {
            public Firing {
                facts = List.copyOf(facts);
            }

            /** The firing as one line: {@code ruleId [clause]: Fact(...); Fact(...)}. */
            public String line() {
                return ruleId + " [" + clause + "]" + (facts.isEmpty() ? "" : ": "
                        + String.join("; ", facts.stream().map(Fact::summary).toList()));
            }
        }
}
