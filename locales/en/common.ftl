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
