home-title = La Alianza de un vistazo
home-lead = Cada nación participante, sus bases y campos de maniobras, y sus unidades logísticas.
home-empty = Todavía no se ha configurado ninguna nación.
home-stat-nations = { $count ->
    [one] nación
   *[other] naciones
}
home-stat-bases = { $count ->
    [one] base o campo de maniobras
   *[other] bases y campos de maniobras
}
home-stat-units = { $count ->
    [one] unidad
   *[other] unidades
}
home-nation-code = Código de país ISO 3166
home-bases = Bases y campos de maniobras
home-base-name = Nombre
home-base-time-zone = Zona horaria
home-base-capacity = Capacidad (personal)
home-units = Unidades
