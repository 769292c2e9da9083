package org.procsec.pbt;

import org.procsec.model.PurchaseRequest;

/**
 * A generated valid request and one JSON spelling of it. {@code toString} is the JSON, so that
 * jqwik's report of a failing (shrunk) sample can be pasted into {@code procsec assess -}.
 *
 * @param request the request as records
 * @param style   how {@link #json()} spells it
 */
record GeneratedRequest(PurchaseRequest request, RequestText.Style style) {

    /** The request as JSON text, spelled as {@link #style()} says. */
    String json() {
        return RequestText.write(request, style);
    }

    /** The request in the plain indented spelling. */
    String plainJson() {
        return RequestText.write(request, RequestText.Style.PLAIN);
    }

    @Override
    public String toString() {
        return "\n" + plainJson() + "\n";
    }
}
