app-title = Muster — gemeinsame Logistikausbildung der Verbündeten
app-name = Muster
nav-skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-home = Übersicht
footer-tagline = Muster bildet die Logistiker der Verbündeten gemeinsam aus. Quelloffen und selbst betrieben.
lang-label = Sprache
lang-apply = Wechseln
common-loading = Wird geladen …

error-page-title = Etwas ist schiefgelaufen
error-unauthenticated = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Dazu sind Sie nicht berechtigt.
error-not-found = Das Gesuchte wurde nicht gefunden.
error-conflict-duplicate = Ein Eintrag mit diesem Namen oder Code existiert bereits.
error-validation = Einige Felder müssen korrigiert werden.
error-rate-limited = Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.
error-internal = Ein unerwarteter Fehler ist aufgetreten. Er wurde protokolliert; bitte versuchen Sie es später erneut.
error-transport = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.

validation-required = Dieses Feld ist erforderlich.
validation-too-long = Der Text ist zu lang.
validation-invalid-characters = Der Text enthält unzulässige Zeichen.
validation-nation-code = Geben Sie einen dreistelligen ISO-3166-Code ein, z. B. DEU.
validation-time-zone = Geben Sie eine Zeitzone ein, z. B. Europe/Berlin.
validation-out-of-range = Die Zahl liegt außerhalb des zulässigen Bereichs.

not-found-title = Seite nicht gefunden
not-found-body = Die gesuchte Seite existiert nicht oder wurde verschoben.
not-found-home = Zurück zur Übersicht

unit-tree-toggle = Unterstellte Einheiten von { $unit } ein- oder ausblenden
unit-tree-subordinates = { $count ->
    [one] { $count } unterstellte Einheit
   *[other] { $count } unterstellte Einheiten
}

nav-admin = Verwaltung
common-actions = Aktionen
common-add = Hinzufügen
common-save = Speichern
common-saved = Gespeichert.
common-search = Suchen
common-filter = Filtern
common-choose = Auswählen …
common-previous = Zurück
common-next = Weiter
common-pages = Seiten
common-page-of = Seite { $page } von { $pages }

error-invalid-credentials = Benutzername oder Passwort ist falsch.
error-password-change-required = Sie müssen Ihr Passwort ändern, bevor Sie fortfahren.
error-sign-in-link = Anmelden
error-change-password-link = Passwort ändern

validation-password-too-short = Ein Passwort braucht mindestens 12 Zeichen.
validation-password-too-long = Ein Passwort darf höchstens 128 Zeichen haben.
validation-password-mismatch = Die beiden Passwörter stimmen nicht überein.
validation-password-unchanged = Das neue Passwort muss sich vom bisherigen unterscheiden.
validation-password-wrong = Das aktuelle Passwort ist nicht korrekt.
validation-username = Verwenden Sie 3 bis 64 Zeichen: Kleinbuchstaben, Ziffern, Punkte, Binde- oder Unterstriche.
validation-email = Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.mil.
validation-unknown = Wählen Sie einen der aufgeführten Einträge.
validation-unit-nation-mismatch = Die Einheit muss zur gewählten Nation gehören.
validation-rank = Wählen Sie einen NATO-Dienstgrad wie OR-4 oder OF-2.
validation-locale = Wählen Sie eine der unterstützten Sprachen (en, fr, de, pl, es, uk).
validation-taken = Dies ist bereits vergeben.
validation-cannot-disable-self = Sie können Ihr eigenes Konto nicht deaktivieren.
validation-number = Geben Sie eine ganze Zahl ein.

role-trainee = Lehrgangsteilnehmer
role-mentor = Mentor
role-training-officer = Ausbildungsoffizier
role-commander = Kommandeur
role-admin = Administrator
role-alliance-scope = bündnisweit
validation-date = Geben Sie ein Datum als JJJJ-MM-TT ein.
