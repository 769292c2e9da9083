/**
 * Scenario files as tests: {@link org.procsec.testkit.Scenario} (a request, an optional as-of date,
 * and the expected parts of the assessment or the expected input error) and
 * {@link org.procsec.testkit.ScenarioCheck}, which runs one and lists each difference.
 */
package org.procsec.testkit;
