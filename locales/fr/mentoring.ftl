nav-mentoring = Mentorat
mentoring-title = Mon mentorat
mentoring-my-mentees = Mes mentorés
mentoring-my-mentor = Mon mentor
mentoring-capacity = { $taken } place(s) occupée(s) sur { $capacity }
mentoring-no-mentees = Vous n’avez pas encore de mentoré.
mentoring-no-mentor = Vous n’avez pas encore de mentor.
mentoring-since = depuis le { $date }
mentoring-status = État
mentoring-status-proposed = Proposé
mentoring-status-active = Actif
mentoring-status-ended = Terminé
mentoring-checkins = Points de suivi
mentoring-no-checkins = Aucun point de suivi pour l’instant.
mentoring-checkin-on = Date
mentoring-checkin-notes = Notes
mentoring-checkin-add = Enregistrer un point de suivi
mentoring-end = Mettre fin au binôme
mentoring-mentor-profile = Mon profil de mentor
mentoring-mentee-profile = Mon profil de mentoré
mentoring-capacity-field = Capacité (mentorés simultanés au maximum)
mentoring-languages = Langues de travail
mentoring-languages-hint = Codes de langue séparés par des virgules, p. ex. fr, en
mentoring-specialties = Spécialités
mentoring-specialties-wanted = Spécialités recherchées
mentoring-specialties-hint = Séparées par des virgules
mentoring-years = Années dans la logistique
mentoring-available = Disponible pour de nouveaux mentorés
mentoring-runs-title = Appariement des mentors
mentoring-run-new = Lancer un calcul
mentoring-pool = Périmètre
mentoring-pool-everyone = Tout mon périmètre
mentoring-pool-units = { $count ->
    [one] { $count } unité
   *[other] { $count } unités
}
mentoring-weights = Pondérations (de 0 à 100)
mentoring-weight-specialty = Adéquation des spécialités
mentoring-weight-cross-nation = Binôme multinational
mentoring-weight-proximity = Même base ou même fuseau horaire
mentoring-weight-language = Langue préférée
mentoring-min-years-gap = Années de logistique supplémentaires qui rendent un mentor plus ancien
mentoring-run-start = Lancer l’appariement
mentoring-runs-recent = Calculs récents
mentoring-runs-none = Aucun calcul pour l’instant.
mentoring-run-title = Calcul d’appariement
mentoring-run-status = État du calcul
mentoring-run-status-queued = En file d’attente
mentoring-run-status-running = En cours
mentoring-run-status-done = Terminé
mentoring-run-status-failed = Échec
mentoring-run-progress = Avancement
mentoring-refresh = Actualiser
mentoring-matched = mentorés appariés sur { $mentees }
mentoring-total-score = score total
mentoring-mentors-in-pool = mentors pris en compte
mentoring-created = Lancé le
mentoring-proposals = Propositions
mentoring-proposals-none = Aucune proposition.
mentoring-mentor = Mentor
mentoring-mentee = Mentoré
mentoring-score = Score
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = imposé
mentoring-pin = Imposer
mentoring-forbid = Interdire
mentoring-accept = Accepter
mentoring-accept-all = Accepter toutes les propositions
mentoring-accepted = { $count ->
    [one] { $count } binôme accepté.
   *[other] { $count } binômes acceptés.
}
mentoring-skipped = { $count ->
    [one] { $count } proposition ignorée : le mentoré a déjà un mentor ou le mentor est complet.
   *[other] { $count } propositions ignorées : le mentoré a déjà un mentor ou le mentor est complet.
}
mentoring-sort-by = Trier par :
mentoring-pins-count = { $pins } imposé(s), { $forbids } interdit(s)
mentoring-unmatched = Mentorés sans mentor
mentoring-unmatched-none = Chaque mentoré a un mentor.
mentoring-reason-no-eligible = aucun mentor ne respecte toutes les règles impératives.
mentoring-reason-capacity = { $count ->
    [one] les places du seul mentor éligible sont allées à des binômes mieux notés.
   *[other] les places des { $count } mentors éligibles sont allées à des binômes mieux notés.
}
mentoring-nearest = Candidats les plus proches et motifs d’exclusion :
mentoring-constraint-same-person = même personne
mentoring-constraint-unavailable = indisponible
mentoring-constraint-no-free-capacity = aucune place libre
mentoring-constraint-no-shared-language = aucune langue commune
mentoring-constraint-not-senior = pas assez ancien
mentoring-constraint-chain-of-command = dans la chaîne de commandement
mentoring-constraint-forbidden = interdit par l’officier
mentoring-fairness = Équité
mentoring-fairness-by-nation = Mentorés par mentor selon la nation
mentoring-fairness-by-rank = Mentorés par mentor selon le grade
mentoring-fairness-summary = Nombre moyen de mentorés par mentor pour { $groups } groupes ; le tableau ci-dessous donne les chiffres.
mentoring-group = Groupe
mentoring-mentors = Mentors
mentoring-mentees = Mentorés
mentoring-per-mentor = Par mentor
mentoring-run-error-internal = Le calcul a échoué de façon inattendue. L’incident est consigné ; relancez-le.
mentoring-run-error-invalid-weights = Une pondération sort de l’intervalle 0 à 100.
mentoring-run-error-invalid-rank = Une personne du périmètre a un grade invalide.
mentoring-run-error-duplicate-mentor = Un mentor figure deux fois dans le périmètre.
mentoring-run-error-duplicate-mentee = Un mentoré figure deux fois dans le périmètre.
mentoring-run-error-unknown-pin = Un binôme imposé nomme une personne hors du périmètre (ou qui a déjà un mentor).
mentoring-run-error-mentee-pinned-twice = Un mentoré est imposé à deux mentors.
mentoring-run-error-pin-breaks-constraints = Un binôme imposé enfreint une règle impérative (ou est aussi interdit).
mentoring-run-error-pins-exceed-capacity = Un mentor a plus de binômes imposés que de places libres.
error-conflict-run-not-done = Le calcul n’est pas encore terminé.
error-conflict-pairing-not-active = Ce binôme n’est pas actif.
