admin-title = Administración
admin-org = Organización
admin-users = Personas
admin-audit = Registro de auditoría
admin-nations = Naciones
admin-nation = Nación
admin-nation-add = Añadir una nación
admin-nation-code = Código ISO 3166 (tres letras)
admin-name = Nombre
admin-default-locale = Idioma predeterminado
admin-bases = Bases y campos de maniobras
admin-base-add = Añadir una base
admin-time-zone = Zona horaria
admin-time-zone-hint = Un nombre IANA, por ejemplo Europe/Madrid o America/Chicago.
admin-capacity = Capacidad (personal)
admin-count = { $count ->
    [one] { $count } registro
   *[other] { $count } registros
}
admin-units = Unidades
admin-unit = Unidad
admin-unit-add = Añadir una unidad
admin-unit-parent = Unidad superior
admin-unit-no-parent = Ninguna (unidad de primer nivel)
admin-unit-home-base = Base de destino
admin-unit-no-base = Ninguna
admin-alliance = Alianza (sin nación)
admin-alliance-scope = Ámbito de toda la Alianza para las funciones de oficial, jefe y administrador
admin-email = Correo electrónico
admin-rank = Empleo
admin-preferred-locale = Idioma preferido
admin-fallback-locales = Idiomas alternativos
admin-fallback-hint = Separados por comas y en orden, p. ej. «pl, en». Se usan cuando falta contenido en el idioma preferido.
admin-user-search = Buscar personas
admin-user-add = Añadir una persona
admin-user-edit = Editar una persona
admin-user-state = Estado
admin-user-active = Activa
admin-user-disabled = Desactivada
admin-user-locked = Bloqueada
admin-user-disable = Cuenta desactivada (la persona no puede iniciar sesión)
admin-user-no-unit = Sin unidad
admin-user-initial-password = Contraseña inicial
admin-users-none = Nadie coincide.
admin-user-reset = Restablecer la contraseña
admin-user-temporary-password = Contraseña provisional
admin-user-reset-submit = Restablecer contraseña
admin-user-reset-done = Contraseña restablecida. La persona deberá elegir una nueva en su próximo inicio de sesión; sus sesiones se han cerrado.
audit-when = Cuándo
audit-actor = Quién
audit-action = Acción
audit-entity = Qué
audit-entity-type = Tipo de registro
audit-change = Cambio
audit-details = Antes y después
audit-before = Antes
audit-after = Después
audit-from = Desde
audit-to = Hasta
audit-total = { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
}
