nav-mentoring = Mentoría
mentoring-title = Mi mentoría
mentoring-my-mentees = Mis tutelados
mentoring-my-mentor = Mi mentor
mentoring-capacity = { $taken } de { $capacity } plazas ocupadas
mentoring-no-mentees = Todavía no tiene tutelados.
mentoring-no-mentor = Todavía no tiene mentor.
mentoring-since = desde el { $date }
mentoring-status = Estado
mentoring-status-proposed = Propuesta
mentoring-status-active = Activa
mentoring-status-ended = Finalizada
mentoring-checkins = Seguimientos
mentoring-no-checkins = Todavía no hay seguimientos.
mentoring-checkin-on = Fecha
mentoring-checkin-notes = Notas
mentoring-checkin-add = Registrar seguimiento
mentoring-end = Finalizar la pareja
mentoring-mentor-profile = Mi perfil de mentor
mentoring-mentee-profile = Mi perfil de tutelado
mentoring-capacity-field = Capacidad (máximo de tutelados a la vez)
mentoring-languages = Idiomas de trabajo
mentoring-languages-hint = Códigos de idioma separados por comas, p. ej. es, en
mentoring-specialties = Especialidades
mentoring-specialties-wanted = Especialidades buscadas
mentoring-specialties-hint = Separadas por comas
mentoring-years = Años en logística
mentoring-available = Disponible para nuevos tutelados
mentoring-runs-title = Asignación de mentores
mentoring-run-new = Iniciar un cálculo
mentoring-pool = Grupo de personas
mentoring-pool-everyone = Todo mi ámbito
mentoring-pool-units = { $count ->
    [one] { $count } unidad
   *[other] { $count } unidades
}
mentoring-weights = Ponderaciones (de 0 a 100)
mentoring-weight-specialty = Afinidad de especialidades
mentoring-weight-cross-nation = Pareja multinacional
mentoring-weight-proximity = Misma base o huso horario
mentoring-weight-language = Idioma preferido
mentoring-min-years-gap = Años adicionales en logística que hacen más antiguo a un mentor
mentoring-run-start = Calcular la asignación
mentoring-runs-recent = Cálculos recientes
mentoring-runs-none = Todavía no hay cálculos.
mentoring-run-title = Cálculo de asignación
mentoring-run-status = Estado del cálculo
mentoring-run-status-queued = En cola
mentoring-run-status-running = En curso
mentoring-run-status-done = Terminado
mentoring-run-status-failed = Fallido
mentoring-run-progress = Progreso
mentoring-refresh = Actualizar
mentoring-matched = de { $mentees } tutelados asignados
mentoring-total-score = puntuación total
mentoring-mentors-in-pool = mentores considerados
mentoring-created = Iniciado
mentoring-proposals = Propuestas
mentoring-proposals-none = No hay propuestas.
mentoring-mentor = Mentor
mentoring-mentee = Tutelado
mentoring-score = Puntuación
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = fijada
mentoring-pin = Fijar
mentoring-forbid = Prohibir
mentoring-accept = Aceptar
mentoring-accept-all = Aceptar todas las propuestas
mentoring-accepted = { $count ->
    [one] { $count } pareja aceptada.
   *[other] { $count } parejas aceptadas.
}
mentoring-skipped = { $count ->
    [one] { $count } propuesta omitida: el tutelado ya tiene mentor o el mentor no tiene plazas.
   *[other] { $count } propuestas omitidas: el tutelado ya tiene mentor o el mentor no tiene plazas.
}
mentoring-sort-by = Ordenar por:
mentoring-pins-count = { $pins } fijadas, { $forbids } prohibidas
mentoring-unmatched = Tutelados sin mentor
mentoring-unmatched-none = Todos los tutelados tienen mentor.
mentoring-reason-no-eligible = ningún mentor cumple todas las reglas obligatorias.
mentoring-reason-capacity = { $count ->
    [one] las plazas del único mentor elegible fueron a parejas mejor puntuadas.
   *[other] las plazas de los { $count } mentores elegibles fueron a parejas mejor puntuadas.
}
mentoring-nearest = Candidatos más cercanos y motivo de exclusión:
mentoring-constraint-same-person = la misma persona
mentoring-constraint-unavailable = no disponible
mentoring-constraint-no-free-capacity = sin plazas libres
mentoring-constraint-no-shared-language = sin idioma común
mentoring-constraint-not-senior = no es más antiguo
mentoring-constraint-chain-of-command = en la cadena de mando
mentoring-constraint-forbidden = prohibida por el oficial
mentoring-fairness = Equidad
mentoring-fairness-by-nation = Tutelados por mentor según la nación
mentoring-fairness-by-rank = Tutelados por mentor según el empleo
mentoring-fairness-summary = Número medio de tutelados por mentor en { $groups } grupos; la tabla inferior recoge las cifras.
mentoring-group = Grupo
mentoring-mentors = Mentores
mentoring-mentees = Tutelados
mentoring-per-mentor = Por mentor
mentoring-run-error-internal = El cálculo falló de forma inesperada. Se ha registrado; vuelva a iniciarlo.
mentoring-run-error-invalid-weights = Una ponderación está fuera del intervalo de 0 a 100.
mentoring-run-error-invalid-rank = Alguien del grupo tiene un empleo no válido.
mentoring-run-error-duplicate-mentor = Un mentor aparece dos veces en el grupo.
mentoring-run-error-duplicate-mentee = Un tutelado aparece dos veces en el grupo.
mentoring-run-error-unknown-pin = Una pareja fijada nombra a alguien fuera del grupo (o que ya tiene mentor).
mentoring-run-error-mentee-pinned-twice = Un tutelado está fijado a dos mentores.
mentoring-run-error-pin-breaks-constraints = Una pareja fijada incumple una regla obligatoria (o también está prohibida).
mentoring-run-error-pins-exceed-capacity = Un mentor tiene más parejas fijadas que plazas libres.
error-conflict-run-not-done = El cálculo todavía no ha terminado.
error-conflict-pairing-not-active = Esta pareja no está activa.
