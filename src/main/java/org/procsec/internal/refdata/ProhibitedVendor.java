package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/** An entry of the prohibited-vendor list (POLICY 5.1); {@code key} is the normalised legal name. */
@ClassReactive
public record ProhibitedVendor(String key, String name, LocalDate inForceFrom) implements Dated {
}
