nav-mentoring = Mentoring
mentoring-title = Mein Mentoring
mentoring-my-mentees = Meine Mentees
mentoring-my-mentor = Mein Mentor
mentoring-capacity = { $taken } von { $capacity } Plätzen belegt
mentoring-no-mentees = Sie haben noch keine Mentees.
mentoring-no-mentor = Sie haben noch keinen Mentor.
mentoring-since = seit { $date }
mentoring-status = Status
mentoring-status-proposed = Vorgeschlagen
mentoring-status-active = Aktiv
mentoring-status-ended = Beendet
mentoring-checkins = Gespräche
mentoring-no-checkins = Noch keine Gespräche.
mentoring-checkin-on = Datum
mentoring-checkin-notes = Notizen
mentoring-checkin-add = Gespräch festhalten
mentoring-end = Tandem beenden
mentoring-mentor-profile = Mein Mentorenprofil
mentoring-mentee-profile = Mein Mentee-Profil
mentoring-capacity-field = Kapazität (höchstens gleichzeitige Mentees)
mentoring-languages = Arbeitssprachen
mentoring-languages-hint = Sprachcodes durch Kommas getrennt, z. B. de, en
mentoring-specialties = Fachgebiete
mentoring-specialties-wanted = Gewünschte Fachgebiete
mentoring-specialties-hint = Durch Kommas getrennt
mentoring-years = Jahre in der Logistik
mentoring-available = Verfügbar für neue Mentees
mentoring-runs-title = Mentorenzuordnung
mentoring-run-new = Berechnung starten
mentoring-pool = Personenkreis
mentoring-pool-everyone = Alle in meinem Zuständigkeitsbereich
mentoring-pool-units = { $count ->
    [one] { $count } Einheit
   *[other] { $count } Einheiten
}
mentoring-weights = Gewichte (0 bis 100)
mentoring-weight-specialty = Passende Fachgebiete
mentoring-weight-cross-nation = Multinationales Tandem
mentoring-weight-proximity = Gleicher Standort oder gleiche Zeitzone
mentoring-weight-language = Bevorzugte Sprache
mentoring-min-years-gap = Zusätzliche Logistikjahre, die einen Mentor dienstälter machen
mentoring-run-start = Zuordnung berechnen
mentoring-runs-recent = Letzte Berechnungen
mentoring-runs-none = Noch keine Berechnungen.
mentoring-run-title = Zuordnungsberechnung
mentoring-run-status = Status der Berechnung
mentoring-run-status-queued = Wartet
mentoring-run-status-running = Läuft
mentoring-run-status-done = Fertig
mentoring-run-status-failed = Fehlgeschlagen
mentoring-run-progress = Fortschritt
mentoring-refresh = Aktualisieren
mentoring-matched = von { $mentees } Mentees zugeordnet
mentoring-total-score = Gesamtpunktzahl
mentoring-mentors-in-pool = berücksichtigte Mentoren
mentoring-created = Gestartet
mentoring-proposals = Vorschläge
mentoring-proposals-none = Keine Vorschläge.
mentoring-mentor = Mentor
mentoring-mentee = Mentee
mentoring-score = Punkte
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = festgelegt
mentoring-pin = Festlegen
mentoring-forbid = Ausschließen
mentoring-accept = Annehmen
mentoring-accept-all = Alle Vorschläge annehmen
mentoring-accepted = { $count ->
    [one] { $count } Tandem angenommen.
   *[other] { $count } Tandems angenommen.
}
mentoring-skipped = { $count ->
    [one] { $count } Vorschlag übersprungen: Der Mentee hat bereits einen Mentor oder der Mentor ist ausgelastet.
   *[other] { $count } Vorschläge übersprungen: Der Mentee hat bereits einen Mentor oder der Mentor ist ausgelastet.
}
mentoring-sort-by = Sortieren nach:
mentoring-pins-count = { $pins } festgelegt, { $forbids } ausgeschlossen
mentoring-unmatched = Mentees ohne Mentor
mentoring-unmatched-none = Jeder Mentee hat einen Mentor.
mentoring-reason-no-eligible = kein Mentor erfüllt alle harten Regeln.
mentoring-reason-capacity = { $count ->
    [one] die Plätze des einzigen geeigneten Mentors gingen an besser bewertete Tandems.
   *[other] die Plätze aller { $count } geeigneten Mentoren gingen an besser bewertete Tandems.
}
mentoring-nearest = Nächstliegende Kandidaten und Ausschlussgründe:
mentoring-constraint-same-person = dieselbe Person
mentoring-constraint-unavailable = nicht verfügbar
mentoring-constraint-no-free-capacity = kein freier Platz
mentoring-constraint-no-shared-language = keine gemeinsame Sprache
mentoring-constraint-not-senior = nicht dienstälter
mentoring-constraint-chain-of-command = in der Befehlskette
mentoring-constraint-forbidden = vom Offizier ausgeschlossen
mentoring-fairness = Ausgewogenheit
mentoring-fairness-by-nation = Mentees je Mentor nach Nation
mentoring-fairness-by-rank = Mentees je Mentor nach Dienstgradgruppe
mentoring-fairness-summary = Durchschnittliche Zahl der Mentees je Mentor für { $groups } Gruppen; die Tabelle darunter enthält die Zahlen.
mentoring-group = Gruppe
mentoring-mentors = Mentoren
mentoring-mentees = Mentees
mentoring-per-mentor = Je Mentor
mentoring-run-error-internal = Die Berechnung ist unerwartet fehlgeschlagen. Der Fehler wurde protokolliert; bitte erneut starten.
mentoring-run-error-invalid-weights = Ein Gewicht liegt außerhalb von 0 bis 100.
mentoring-run-error-invalid-rank = Eine Person im Personenkreis hat eine ungültige Dienstgradgruppe.
mentoring-run-error-duplicate-mentor = Ein Mentor kommt zweimal im Personenkreis vor.
mentoring-run-error-duplicate-mentee = Ein Mentee kommt zweimal im Personenkreis vor.
mentoring-run-error-unknown-pin = Ein festgelegtes Tandem nennt jemanden außerhalb des Personenkreises (oder mit bereits einem Mentor).
mentoring-run-error-mentee-pinned-twice = Ein Mentee ist zwei Mentoren fest zugeordnet.
mentoring-run-error-pin-breaks-constraints = Ein festgelegtes Tandem verletzt eine harte Regel (oder ist zugleich ausgeschlossen).
mentoring-run-error-pins-exceed-capacity = Ein Mentor hat mehr festgelegte Tandems als freie Plätze.
error-conflict-run-not-done = Die Berechnung ist noch nicht abgeschlossen.
error-conflict-pairing-not-active = Dieses Tandem ist nicht aktiv.
