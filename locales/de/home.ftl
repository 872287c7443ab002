home-title = Das Bündnis auf einen Blick
home-lead = Alle teilnehmenden Nationen, ihre Standorte und Truppenübungsplätze sowie ihre Logistikeinheiten.
home-empty = Es wurden noch keine Nationen angelegt.
home-stat-nations = { $count ->
    [one] Nation
   *[other] Nationen
}
home-stat-bases = { $count ->
    [one] Standort oder Übungsplatz
   *[other] Standorte und Übungsplätze
}
home-stat-units = { $count ->
    [one] Einheit
   *[other] Einheiten
}
home-nation-code = ISO-3166-Ländercode
home-bases = Standorte und Truppenübungsplätze
home-base-name = Name
home-base-time-zone = Zeitzone
home-base-capacity = Kapazität (Personal)
home-units = Einheiten
