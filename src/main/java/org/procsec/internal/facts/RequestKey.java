package org.procsec.internal.facts;

/**
 * One per request in a session: the first pattern of a request-scoped rule whose first condition
 * is not a request fact ({@code exists ...}, {@code not ...}), binding the request the other
 * patterns are joined to. Added where the rules are compiled; explanations leave it out.
 */
public record RequestKey(int rq) implements RequestScoped {
}
