/**
 * A rule set as files (DRL and reference data) with its fingerprint, the rules it holds, and the
 * problems that keep it from building. Public API.
 */
package org.procsec.ruleset;
