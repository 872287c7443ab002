app-title = Muster — instrucción logística aliada
app-name = Muster
nav-skip-to-content = Saltar al contenido
nav-label = Navegación principal
nav-home = Resumen
footer-tagline = Muster forma juntos a los logistas aliados. Código abierto y autoalojado.
lang-label = Idioma
lang-apply = Cambiar
common-loading = Cargando…

error-page-title = Algo ha salido mal
error-unauthenticated = Inicie sesión para continuar.
error-forbidden = No tiene permiso para hacer esto.
error-not-found = No hemos encontrado lo que busca.
error-conflict-duplicate = Ya existe un elemento con este nombre o código.
error-validation = Algunos campos necesitan corrección.
error-rate-limited = Demasiados intentos. Espere un momento y vuelva a intentarlo.
error-internal = Se ha producido un error inesperado. Ha quedado registrado; vuelva a intentarlo más tarde.
error-transport = No se puede contactar con el servidor. Compruebe su conexión y vuelva a intentarlo.

validation-required = Este campo es obligatorio.
validation-too-long = El texto es demasiado largo.
validation-invalid-characters = El texto contiene caracteres no permitidos.
validation-nation-code = Introduzca un código ISO 3166 de tres letras, por ejemplo ESP.
validation-time-zone = Introduzca una zona horaria, por ejemplo Europe/Madrid.
validation-out-of-range = El número está fuera del intervalo permitido.

not-found-title = Página no encontrada
not-found-body = La página que busca no existe o se ha trasladado.
not-found-home = Volver al resumen

unit-tree-toggle = Mostrar u ocultar las unidades subordinadas de { $unit }
unit-tree-subordinates = { $count ->
    [one] { $count } unidad subordinada
   *[other] { $count } unidades subordinadas
}
