package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/** A subsidiary treated as its listed parent for POLICY 4.2, 4.4 and 5.1 (1.5). */
@ClassReactive
public record Subsidiary(String key, String name, String country, String parentKey, String parentName,
                         LocalDate inForceFrom, java.util.List<String> aliases) implements Dated {
    public Subsidiary {
        aliases = java.util.List.copyOf(aliases);
    }
}
