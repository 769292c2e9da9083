package org.procsec.pbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.model.Capability;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SupplierRole;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PurchaseRequest} as request JSON (docs/FORMATS.md), in one of several equivalent
 * spellings, and serialises JSON trees with an optional duplicated key. Test helper only.
 */
final class RequestText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * How to spell a request.
     *
     * @param omitDefaults leave out optional fields that hold their default
     * @param nullAbsent   write absent optional values as {@code null} instead of leaving them out
     * @param reverseKeys  write object keys in reverse order
     * @param compact      one line instead of indented
     */
    record Style(boolean omitDefaults, boolean nullAbsent, boolean reverseKeys, boolean compact) {
        static final Style PLAIN = new Style(false, false, false, false);
    }

    private RequestText() {
    }

    /** The request as a JSON tree, spelled as {@code style} says. */
    static ObjectNode toNode(PurchaseRequest r, Style style) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("department", r.department());
        if (!r.title().isEmpty() || !style.omitDefaults()) {
            o.put("title", r.title());
        }
        o.put("instrument", r.instrument().name());
        o.put("awardDate", r.awardDate().toString());
        o.put("value", r.value());
        o.set("supplier", organisation(r.supplier(), style, true));
        ArrayNode items = o.putArray("items");
        for (Item i : r.items()) {
            items.add(item(i, style));
        }
        ArrayNode sites = o.putArray("sites");
        for (Site s : r.sites()) {
            ObjectNode n = sites.addObject();
            n.put("type", s.type().name());
            n.put("zone", s.zone().name());
            if (s.count() != 1 || !style.omitDefaults()) {
                n.put("count", s.count());
            }
        }
        Services s = r.services();
        if (!s.equals(Services.NONE) || !style.omitDefaults()) {
            ObjectNode n = o.putObject("services");
            n.put("onSiteMaintenance", s.onSiteMaintenance());
            n.put("visitsPerYear", s.visitsPerYear());
            n.put("access", s.access().name());
            n.put("remoteAccess", s.remoteAccess());
            n.put("performedBy", s.performedBy().name());
        } else if (style.nullAbsent()) {
            o.putNull("services");
        }
        if (r.dataRetentionDays() != null) {
            o.put("dataRetentionDays", r.dataRetentionDays());
        } else if (style.nullAbsent()) {
            o.putNull("dataRetentionDays");
        }
        if (r.cseReview() != CseStatus.NOT_REQUESTED || !style.omitDefaults()) {
            o.putObject("cseReview").put("status", r.cseReview().name());
        } else if (style.nullAbsent()) {
            o.putNull("cseReview");
        }
        return style.reverseKeys() ? reversed(o) : o;
    }

    private static ObjectNode organisation(Organisation org, Style style, boolean supplier) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", org.name());
        o.put("country", org.country());
        if (supplier && (org.role() != SupplierRole.MANUFACTURER || !style.omitDefaults())) {
            o.put("role", org.role().name());
        }
        if (org.stateOwnershipPercent() != 0 || !style.omitDefaults()) {
            o.put("stateOwnershipPercent", org.stateOwnershipPercent());
        }
        if (org.controllingState() != null) {
            o.put("controllingState", org.controllingState());
        } else if (style.nullAbsent()) {
            o.putNull("controllingState");
        }
        boolean none = org.clearance().level() == ClearanceLevel.NONE && org.clearance().expires() == null;
        if (!none || !style.omitDefaults()) {
            ObjectNode c = o.putObject("clearance");
            c.put("level", org.clearance().level().name());
            if (org.clearance().expires() != null) {
                c.put("expires", org.clearance().expires().toString());
            } else {
                c.putNull("expires");
            }
        } else if (style.nullAbsent()) {
            o.putNull("clearance");
        }
        return o;
    }

    private static ObjectNode item(Item i, Style style) {
        ObjectNode o = MAPPER.createObjectNode();
        if (!i.description().isEmpty() || !style.omitDefaults()) {
            o.put("description", i.description());
        }
        o.put("category", i.category().name());
        if (i.quantity() != 1 || !style.omitDefaults()) {
            o.put("quantity", i.quantity());
        }
        if (i.manufacturer() != null) {
            o.set("manufacturer", organisation(i.manufacturer(), style, false));
        } else if (style.nullAbsent()) {
            o.putNull("manufacturer");
        }
        if (!i.capabilities().isEmpty() || !style.omitDefaults()) {
            ArrayNode caps = o.putArray("capabilities");
            for (Capability c : i.capabilities()) {
                caps.add(c.name());
            }
        }
        if (i.connectivity() != Connectivity.STANDALONE || !style.omitDefaults()) {
            o.put("connectivity", i.connectivity().name());
        }
        return o;
    }

    private static ObjectNode reversed(ObjectNode o) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        o.fields().forEachRemaining(entries::add);
        ObjectNode out = MAPPER.createObjectNode();
        for (int k = entries.size() - 1; k >= 0; k--) {
            JsonNode v = entries.get(k).getValue();
            out.set(entries.get(k).getKey(), v instanceof ObjectNode child ? reversed(child) : reversedIn(v));
        }
        return out;
    }

    private static JsonNode reversedIn(JsonNode v) {
        if (v instanceof ArrayNode a) {
            ArrayNode out = MAPPER.createArrayNode();
            a.forEach(e -> out.add(e instanceof ObjectNode child ? reversed(child) : reversedIn(e)));
            return out;
        }
        return v;
    }

    /** The request as JSON text. */
    static String write(PurchaseRequest r, Style style) {
        return write(toNode(r, style), style.compact(), null);
    }

    /**
     * {@code node} as JSON text; when {@code duplicateAt} names an object (a JSON path as the parser
     * reports it, "" for the root), that object's first key is written a second time at its end.
     */
    static String write(JsonNode node, boolean compact, String duplicateAt) {
        StringBuilder out = new StringBuilder();
        write(node, "", compact, duplicateAt, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, String path, boolean compact, String duplicateAt, int depth,
                              StringBuilder out) {
        String nl = compact ? "" : "\n" + "  ".repeat(depth + 1);
        String close = compact ? "" : "\n" + "  ".repeat(depth);
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "" : ",").append(nl).append(scalar(MAPPER.getNodeFactory().textNode(e.getKey())))
                        .append(compact ? ":" : ": ");
                write(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), compact, duplicateAt,
                        depth + 1, out);
                first = false;
            }
            if (path.equals(duplicateAt) && node.size() > 0) {
                Map.Entry<String, JsonNode> e = node.fields().next();
                out.append(',').append(nl).append(scalar(MAPPER.getNodeFactory().textNode(e.getKey())))
                        .append(compact ? ":" : ": ");
                write(e.getValue(), "#dup", compact, null, depth + 1, out);
            }
            out.append(node.size() > 0 ? close : "").append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int k = 0; k < node.size(); k++) {
                out.append(k == 0 ? "" : ",").append(nl);
                write(node.get(k), path + "[" + k + "]", compact, duplicateAt, depth + 1, out);
            }
            out.append(node.size() > 0 ? close : "").append(']');
        } else {
            out.append(scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
