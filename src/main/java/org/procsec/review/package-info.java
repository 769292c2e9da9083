/**
 * Policy change review: replay a corpus of requests under two rule sets and report what flips and why
 * ({@link org.procsec.review.PolicyDiff}), load corpora ({@link org.procsec.review.Corpus}) and rule sets from
 * git history ({@link org.procsec.review.GitRuleSource}), render reports as text, JSON and self-contained HTML,
 * and search for the smallest edits that would clear a request ({@link org.procsec.review.Counterfactuals}).
 */
package org.procsec.review;
