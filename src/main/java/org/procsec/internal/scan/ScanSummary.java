package org.procsec.internal.scan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a scan found, over the whole portfolio (a resumed scan included the lines an earlier run
 * had already written).
 *
 * @param lines              lines read (blank lines included)
 * @param assessed           requests assessed
 * @param byDecision         assessed requests by decision name, in the order of {@code Decision} (kept as given)
 * @param toReplace          holdings to replace (POLICY 7.1)
 * @param toReviewAtRenewal  holdings to review at their next renewal (7.1)
 * @param pastServiceLife    holdings past their service life (7.2)
 * @param topFindings        the most frequent rule ids of REJECT, REFER and CONDITION findings, with counts
 * @param inputErrors        number of lines that were not valid requests
 * @param firstErrors        the first of those (at most {@link PortfolioScanner#MAX_REPORTED_ERRORS})
 * @param blankLines         blank lines skipped
 * @param elapsed            wall time of this run
 * @param resumedLines       lines whose records an interrupted run had written (0 unless resumed)
 */
public record ScanSummary(long lines, long assessed, Map<String, Long> byDecision, long toReplace,
                          long toReviewAtRenewal, long pastServiceLife, List<Map.Entry<String, Long>> topFindings,
                          long inputErrors, List<LineError> firstErrors, long blankLines, Duration elapsed,
                          long resumedLines) {
    public ScanSummary {
        byDecision = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byDecision));
        topFindings = List.copyOf(topFindings);
        firstErrors = List.copyOf(firstErrors);
    }

    /** One line that was not a valid request: its first problem. */
    public record LineError(long line, String path, String message) {
    }

    /** Lines per second over this run (lines taken over from an interrupted run not counted). */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (lines - resumedLines) / seconds;
    }
}
