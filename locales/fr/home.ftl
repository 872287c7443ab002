home-title = L’Alliance en un coup d’œil
home-lead = Chaque nation participante, ses bases et camps d’entraînement, et ses unités logistiques.
home-empty = Aucune nation n’a encore été configurée.
home-stat-nations = { $count ->
    [one] nation
   *[other] nations
}
home-stat-bases = { $count ->
    [one] base ou camp d’entraînement
   *[other] bases et camps d’entraînement
}
home-stat-units = { $count ->
    [one] unité
   *[other] unités
}
home-nation-code = Code pays ISO 3166
home-bases = Bases et camps d’entraînement
home-base-name = Nom
home-base-time-zone = Fuseau horaire
home-base-capacity = Capacité (personnel)
home-units = Unités
