app-title = Muster — allied logistics training
app-name = Muster
nav-skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Overview
footer-tagline = Muster trains allied logisticians together. Open source, self-hosted.
lang-label = Language
lang-apply = Change
common-loading = Loading…

error-page-title = Something went wrong
error-unauthenticated = Please sign in to continue.
error-forbidden = You are not allowed to do this.
error-not-found = We could not find what you asked for.
error-conflict-duplicate = Something with this name or code already exists.
error-validation = Some fields need your attention.
error-rate-limited = Too many attempts. Please wait a moment and try again.
error-internal = An unexpected error occurred. It has been logged; please try again later.
error-transport = The server could not be reached. Check your connection and try again.

validation-required = This field is required.
validation-too-long = This is too long.
validation-invalid-characters = This contains characters that are not allowed.
validation-nation-code = Enter a three-letter ISO 3166 code, such as POL.
validation-time-zone = Enter a time zone name such as Europe/Warsaw.
validation-out-of-range = This number is outside the allowed range.

not-found-title = Page not found
not-found-body = The page you are looking for does not exist or has moved.
not-found-home = Back to the overview

unit-tree-toggle = Show or hide the units under { $unit }
unit-tree-subordinates = { $count ->
    [one] { $count } subordinate unit
   *[other] { $count } subordinate units
}

nav-admin = Administration
common-actions = Actions
common-add = Add
common-save = Save
common-saved = Saved.
common-search = Search
common-filter = Filter
common-choose = Choose…
common-previous = Previous
common-next = Next
common-pages = Pages
common-page-of = Page { $page } of { $pages }

error-invalid-credentials = Wrong username or password.
error-password-change-required = You must change your password before you continue.
error-sign-in-link = Sign in
error-change-password-link = Change your password

validation-password-too-short = A password needs at least 12 characters.
validation-password-too-long = A password can have at most 128 characters.
validation-password-mismatch = The two passwords are not the same.
validation-password-unchanged = The new password must differ from the current one.
validation-password-wrong = The current password is not correct.
validation-username = Use 3 to 64 characters: lower-case letters, digits, dots, hyphens or underscores.
validation-email = Enter an e-mail address such as name@example.mil.
validation-unknown = Choose one of the listed entries.
validation-unit-nation-mismatch = The unit must belong to the chosen nation.
validation-rank = Choose a NATO rank grade such as OR-4 or OF-2.
validation-locale = Choose one of the supported languages (en, fr, de, pl, es, uk).
validation-taken = This is already in use.
validation-cannot-disable-self = You cannot disable your own account.
validation-number = Enter a whole number.

role-trainee = Trainee
role-mentor = Mentor
role-training-officer = Training officer
role-commander = Commander
role-admin = Administrator
role-alliance-scope = alliance-wide
validation-date = Enter a date as YYYY-MM-DD.
