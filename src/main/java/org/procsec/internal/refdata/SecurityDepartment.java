package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/** A security or enforcement department (POLICY 2.3). */
@ClassReactive
public record SecurityDepartment(String code, LocalDate inForceFrom) implements Dated {
}
