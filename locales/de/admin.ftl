admin-title = Verwaltung
admin-org = Organisation
admin-users = Personen
admin-audit = Prüfprotokoll
admin-nations = Nationen
admin-nation = Nation
admin-nation-add = Nation hinzufügen
admin-nation-code = ISO-3166-Code (drei Buchstaben)
admin-name = Bezeichnung
admin-default-locale = Standardsprache
admin-bases = Standorte und Truppenübungsplätze
admin-base-add = Standort hinzufügen
admin-time-zone = Zeitzone
admin-time-zone-hint = Ein IANA-Name, z. B. Europe/Berlin oder America/Chicago.
admin-capacity = Kapazität (Personal)
admin-count = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
admin-units = Einheiten
admin-unit = Einheit
admin-unit-add = Einheit hinzufügen
admin-unit-parent = Übergeordnete Einheit
admin-unit-no-parent = Keine (oberste Ebene)
admin-unit-home-base = Heimatstandort
admin-unit-no-base = Keiner
admin-alliance = Bündnis (ohne Nation)
admin-alliance-scope = Bündnisweiter Geltungsbereich für die Rollen Offizier, Kommandeur und Administrator
admin-email = E-Mail
admin-rank = Dienstgrad
admin-preferred-locale = Bevorzugte Sprache
admin-fallback-locales = Ausweichsprachen
admin-fallback-hint = Durch Kommas getrennt, in Reihenfolge, z. B. „pl, en“. Gilt, wenn Inhalte in der bevorzugten Sprache fehlen.
admin-user-search = Personen suchen
admin-user-add = Person hinzufügen
admin-user-edit = Person bearbeiten
admin-user-state = Status
admin-user-active = Aktiv
admin-user-disabled = Deaktiviert
admin-user-locked = Gesperrt
admin-user-disable = Konto deaktiviert (die Person kann sich nicht anmelden)
admin-user-no-unit = Keine Einheit
admin-user-initial-password = Erstpasswort
admin-users-none = Niemand passt.
admin-user-reset = Passwort zurücksetzen
admin-user-temporary-password = Vorläufiges Passwort
admin-user-reset-submit = Passwort zurücksetzen
admin-user-reset-done = Passwort zurückgesetzt. Die Person muss bei der nächsten Anmeldung ein neues wählen; ihre Sitzungen wurden beendet.
audit-when = Wann
audit-actor = Wer
audit-action = Aktion
audit-entity = Was
audit-entity-type = Art des Datensatzes
audit-change = Änderung
audit-details = Vorher und nachher
audit-before = Vorher
audit-after = Nachher
audit-from = Von
audit-to = Bis
audit-total = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
