/**
 * The {@code procsec} command line (picocli). Commands return exit codes: 0 done, 1 checks failed,
 * 2 bad input or usage, 3 rules do not build. Errors are printed as messages, never stack traces
 * (unless {@code --debug}).
 */
package org.procsec.cli;
