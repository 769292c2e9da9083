/**
 * The public entry point: {@link org.procsec.api.PolicyEngine} (built once, thread-safe), where its
 * rules come from ({@link org.procsec.api.RuleSource}), and the two error channels: a request that
 * is not valid input ({@link org.procsec.api.InvalidRequestException}) and rules that do not build
 * ({@link org.procsec.api.RuleBuildException}).
 */
package org.procsec.api;
