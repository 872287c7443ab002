admin-title = Administration
admin-org = Organisation
admin-users = People
admin-audit = Audit trail
admin-nations = Nations
admin-nation = Nation
admin-nation-add = Add a nation
admin-nation-code = ISO 3166 code (three letters)
admin-name = Name
admin-default-locale = Default language
admin-bases = Bases and training areas
admin-base-add = Add a base
admin-time-zone = Time zone
admin-time-zone-hint = An IANA name, such as Europe/Warsaw or America/Chicago.
admin-capacity = Capacity (personnel)
admin-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
admin-units = Units
admin-unit = Unit
admin-unit-add = Add a unit
admin-unit-parent = Parent unit
admin-unit-no-parent = None (top-level unit)
admin-unit-home-base = Home base
admin-unit-no-base = None
admin-alliance = Alliance (no nation)
admin-alliance-scope = Alliance-wide scope for the officer, commander and administrator roles
admin-email = E-mail
admin-rank = Rank grade
admin-preferred-locale = Preferred language
admin-fallback-locales = Fallback languages
admin-fallback-hint = Comma-separated, in order, e.g. "pl, en". Used when content is missing in the preferred language.
admin-user-search = Find people
admin-user-add = Add a person
admin-user-edit = Edit a person
admin-user-state = State
admin-user-active = Active
admin-user-disabled = Disabled
admin-user-locked = Locked
admin-user-disable = Account disabled (the person cannot sign in)
admin-user-no-unit = No unit
admin-user-initial-password = Initial password
admin-users-none = Nobody matches.
admin-user-reset = Reset the password
admin-user-temporary-password = Temporary password
admin-user-reset-submit = Reset password
admin-user-reset-done = Password reset. The person must choose a new one at their next sign-in; their sessions have ended.
audit-when = When
audit-actor = Who
audit-action = Action
audit-entity = What
audit-entity-type = Kind of record
audit-change = Change
audit-details = Before and after
audit-before = Before
audit-after = After
audit-from = From
audit-to = To
audit-total = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
