/**
 * Portfolio review at scale: {@link org.procsec.internal.scan.PortfolioScanner} streams a JSON-lines
 * portfolio through one shared engine on N threads, in input order and in bounded memory, and
 * {@link org.procsec.internal.scan.PortfolioGenerator} makes synthetic portfolios for tests and benchmarks.
 */
package org.procsec.internal.scan;
