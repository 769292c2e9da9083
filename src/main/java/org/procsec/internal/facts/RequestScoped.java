package org.procsec.internal.facts;

/**
 * A fact that belongs to one request: the request's own facts and everything the rules derive
 * from them. {@link #rq()} numbers the request within its session, so that several requests can
 * be assessed in one session without their facts meeting: where the rules are compiled, every
 * pattern on such a fact is joined to the request of the rule's match
 * ({@code org.procsec.internal.engine.RequestScoping}); rule authors never write the key.
 */
public interface RequestScoped {
    /** The request's number in its session. */
    int rq();
}
