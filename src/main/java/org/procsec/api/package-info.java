/**
 * The public entry point: {@link org.procsec.api.PolicyEngine} (built once, thread-safe), where its
 * rules come from ({@link org.procsec.ruleset.RuleSource}), and the two error channels: a request that
 * is not valid input ({@link org.procsec.model.InvalidRequestException}) and rules that do not build
 * ({@link org.procsec.ruleset.RuleBuildException}).
 */
package org.procsec.api;
