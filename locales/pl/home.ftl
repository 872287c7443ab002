home-title = Sojusz w pigułce
home-lead = Wszystkie państwa uczestniczące, ich bazy i poligony oraz jednostki logistyczne.
home-empty = Nie skonfigurowano jeszcze żadnego państwa.
home-stat-nations = { $count ->
    [one] państwo
    [few] państwa
   *[many] państw
}
home-stat-bases = { $count ->
    [one] baza lub poligon
    [few] bazy i poligony
   *[many] baz i poligonów
}
home-stat-units = { $count ->
    [one] jednostka
    [few] jednostki
   *[many] jednostek
}
home-nation-code = Kod kraju ISO 3166
home-bases = Bazy i poligony
home-base-name = Nazwa
home-base-time-zone = Strefa czasowa
home-base-capacity = Pojemność (stan osobowy)
home-units = Jednostki
