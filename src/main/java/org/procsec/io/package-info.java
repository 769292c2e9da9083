/**
 * JSON in and out: {@link org.procsec.io.RequestJson} reads requests strictly (every problem with
 * its JSON path), {@link org.procsec.io.AssessmentJson} writes assessments in the spec's format,
 * byte-identical for equal assessments.
 */
package org.procsec.io;
