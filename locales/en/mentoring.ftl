nav-mentoring = Mentoring
mentoring-title = My mentoring
mentoring-my-mentees = My mentees
mentoring-my-mentor = My mentor
mentoring-capacity = { $taken } of { $capacity } places taken
mentoring-no-mentees = You have no mentees yet.
mentoring-no-mentor = You have no mentor yet.
mentoring-since = since { $date }
mentoring-status = Status
mentoring-status-proposed = Proposed
mentoring-status-active = Active
mentoring-status-ended = Ended
mentoring-checkins = Check-ins
mentoring-no-checkins = No check-ins yet.
mentoring-checkin-on = Date
mentoring-checkin-notes = Notes
mentoring-checkin-add = Log check-in
mentoring-end = End pairing
mentoring-mentor-profile = My mentor profile
mentoring-mentee-profile = My mentee profile
mentoring-capacity-field = Capacity (most mentees at once)
mentoring-languages = Working languages
mentoring-languages-hint = Language codes separated by commas, e.g. pl, en
mentoring-specialties = Specialties
mentoring-specialties-wanted = Specialties wanted
mentoring-specialties-hint = Separated by commas
mentoring-years = Years in logistics
mentoring-available = Available for new mentees
mentoring-runs-title = Mentor matching
mentoring-run-new = Start a run
mentoring-pool = Pool
mentoring-pool-everyone = Everyone in my scope
mentoring-pool-units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
mentoring-weights = Weights (0 to 100)
mentoring-weight-specialty = Specialty fit
mentoring-weight-cross-nation = Cross-nation pairing
mentoring-weight-proximity = Same base or time zone
mentoring-weight-language = Preferred language
mentoring-min-years-gap = Extra years in logistics that make a mentor senior
mentoring-run-start = Run matching
mentoring-runs-recent = Recent runs
mentoring-runs-none = No runs yet.
mentoring-run-title = Matching run
mentoring-run-status = Run status
mentoring-run-status-queued = Queued
mentoring-run-status-running = Running
mentoring-run-status-done = Done
mentoring-run-status-failed = Failed
mentoring-run-progress = Progress
mentoring-refresh = Refresh
mentoring-matched = of { $mentees } mentees matched
mentoring-total-score = total score
mentoring-mentors-in-pool = mentors considered
mentoring-created = Started
mentoring-proposals = Proposals
mentoring-proposals-none = No proposals.
mentoring-mentor = Mentor
mentoring-mentee = Mentee
mentoring-score = Score
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = pinned
mentoring-pin = Pin
mentoring-forbid = Forbid
mentoring-accept = Accept
mentoring-accept-all = Accept all proposals
mentoring-accepted = { $count ->
    [one] { $count } pairing accepted.
   *[other] { $count } pairings accepted.
}
mentoring-skipped = { $count ->
    [one] { $count } proposal skipped: the mentee already has a mentor or the mentor is full.
   *[other] { $count } proposals skipped: the mentee already has a mentor or the mentor is full.
}
mentoring-sort-by = Sort by:
mentoring-pins-count = { $pins } pinned, { $forbids } forbidden
mentoring-unmatched = Unmatched mentees
mentoring-unmatched-none = Every mentee has a mentor.
mentoring-reason-no-eligible = no mentor passes every hard rule.
mentoring-reason-capacity = { $count ->
    [one] the only eligible mentor's places went to better-scoring pairs.
   *[other] the places of all { $count } eligible mentors went to better-scoring pairs.
}
mentoring-nearest = Nearest candidates and what excluded them:
mentoring-constraint-same-person = same person
mentoring-constraint-unavailable = not available
mentoring-constraint-no-free-capacity = no free place
mentoring-constraint-no-shared-language = no shared language
mentoring-constraint-not-senior = not senior enough
mentoring-constraint-chain-of-command = in the chain of command
mentoring-constraint-forbidden = forbidden by the officer
mentoring-fairness = Fairness
mentoring-fairness-by-nation = Mentees per mentor by nation
mentoring-fairness-by-rank = Mentees per mentor by rank grade
mentoring-fairness-summary = Average number of mentees per mentor for { $groups } groups; the table below gives the figures.
mentoring-group = Group
mentoring-mentors = Mentors
mentoring-mentees = Mentees
mentoring-per-mentor = Per mentor
mentoring-run-error-internal = The run failed unexpectedly. It has been logged; please start it again.
mentoring-run-error-invalid-weights = A weight is outside 0 to 100.
mentoring-run-error-invalid-rank = Someone in the pool has an invalid rank grade.
mentoring-run-error-duplicate-mentor = A mentor appears twice in the pool.
mentoring-run-error-duplicate-mentee = A mentee appears twice in the pool.
mentoring-run-error-unknown-pin = A pin names someone who is not in the pool (or already has a mentor).
mentoring-run-error-mentee-pinned-twice = A mentee is pinned to two mentors.
mentoring-run-error-pin-breaks-constraints = A pinned pair breaks a hard rule (or is also forbidden).
mentoring-run-error-pins-exceed-capacity = A mentor has more pins than free places.
error-conflict-run-not-done = The run has not finished yet.
error-conflict-pairing-not-active = This pairing is not active.
