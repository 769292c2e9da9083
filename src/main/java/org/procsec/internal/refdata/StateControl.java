package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

/** An organisation known to be state-owned or state-controlled (POLICY 4.2). */
@ClassReactive
public record StateControl(String key, String name, String controllingState) {
}
