package org.procsec.review;

import java.util.Objects;

/**
 * One candidate edit of a request, as considered by {@link Counterfactuals}.
 *
 * @param kind        what is edited: {@code clearance}, {@code cseReview}, {@code dataRetentionDays},
 *                    {@code manufacturer}, {@code access} or {@code remoteAccess}
 * @param description the edit in words, e.g. {@code cseReview FAVOURABLE}
 */
public record Edit(String kind, String description) {
    public Edit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return description;
    }
}
