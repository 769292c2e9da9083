/**
 * The values procsec reads and writes: the purchase request, the assessment with its
 * findings, and the enumerations of the request and assessment formats.
 * All types are immutable; lists and sets are copied and never null.
 */
package org.procsec.model;
