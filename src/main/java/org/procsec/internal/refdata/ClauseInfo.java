package org.procsec.internal.refdata;

import java.time.LocalDate;

/** A clause of the policy: its id, title and the date it is in force from (null: always). */
public record ClauseInfo(String id, String title, LocalDate inForceFrom) implements Dated {
}
