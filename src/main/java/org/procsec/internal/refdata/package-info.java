/**
 * Reference data: the lists and thresholds the rules read (departments, countries, vendor lists,
 * subsidiaries, state ownership, clause index, parameters), loaded from the JSON files beside the
 * DRL and inserted into working memory. Vendor names are matched here (POLICY 1.5).
 */
package org.procsec.internal.refdata;
