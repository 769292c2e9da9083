package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/** An entry of an allied restriction list (POLICY 4.4); {@code key} is the normalised legal name. */
@ClassReactive
public record AlliedRestriction(String key, String name, String list, LocalDate inForceFrom) implements Dated {
}
