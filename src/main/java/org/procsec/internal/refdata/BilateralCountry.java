package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/** A country with a bilateral industrial security instrument with Canada (POLICY 3.7). */
@ClassReactive
public record BilateralCountry(String code, LocalDate inForceFrom) implements Dated {
}
