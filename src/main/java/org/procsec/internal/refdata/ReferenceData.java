package org.procsec.internal.refdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All reference data of one rule set.
 *
 * @param parameters   thresholds and category lists
 * @param clauses      the clause index, by id
 * @param departments  security and enforcement departments (2.3)
 * @param countries    countries with a bilateral instrument (3.7)
 * @param prohibited   prohibited vendors (5.1)
 * @param allied       allied restriction entries (4.4)
 * @param subsidiaries subsidiaries of listed parents (1.5)
 * @param stateControl state-controlled organisations (4.2)
 * @param directory    name resolution over all of the above
 */
public record ReferenceData(Parameters parameters, Map<String, ClauseInfo> clauses,
                            List<SecurityDepartment> departments, List<BilateralCountry> countries,
                            List<ProhibitedVendor> prohibited, List<AlliedRestriction> allied,
                            List<Subsidiary> subsidiaries, List<StateControl> stateControl,
                            VendorDirectory directory) {
    public ReferenceData {
        clauses = Map.copyOf(clauses);
        departments = List.copyOf(departments);
        countries = List.copyOf(countries);
        prohibited = List.copyOf(prohibited);
        allied = List.copyOf(allied);
        subsidiaries = List.copyOf(subsidiaries);
        stateControl = List.copyOf(stateControl);
    }

    /** The facts to insert into working memory for every assessment. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(parameters);
        facts.addAll(departments);
        facts.addAll(countries);
        facts.addAll(prohibited);
        facts.addAll(allied);
        facts.addAll(stateControl);
        return facts;
    }

    /** The clause with {@code id}, if the clause index has it. */
    public Optional<ClauseInfo> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }
}
