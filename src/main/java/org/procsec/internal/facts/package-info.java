/**
 * The vocabulary of the DRL: facts built from a request (Purchase, Party, ItemFact, SiteFact,
 * PartyIdentity, Context) and the intermediate facts that classification rules insert and
 * decision rules read (SensitiveSector, ClearanceRequirement, CseTrigger, ...). Public only
 * because compiled rules must reach them; embedders use {@code org.procsec.api}.
 */
package org.procsec.internal.facts;
