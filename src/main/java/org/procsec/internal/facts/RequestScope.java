package org.procsec.internal.facts;

/**
 * The request whose match is firing, per thread. Every consequence of a request-scoped rule
 * starts by naming its request ({@link #enter}, added where the rules are compiled), so that the
 * facts it makes with their short constructors ({@code new SensitiveSector(...)}) belong to it.
 * A session fires on the thread that calls it, so a thread-local is exactly the consequence's scope.
 */
public final class RequestScope {
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[1]);

    private RequestScope() {
    }

    /** Called first in a consequence: the facts it makes belong to request {@code rq}. */
    public static void enter(int rq) {
        CURRENT.get()[0] = rq;
    }

    /** The request of the consequence running on this thread (0 outside any). */
    public static int current() {
        return CURRENT.get()[0];
    }
}
