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
