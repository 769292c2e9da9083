/**
 * Internal: compiling a rule set into a Drools KieBase, turning a request into facts, running one
 * session per assessment and assembling the result. Not part of the public API.
 */
package org.procsec.internal.engine;
