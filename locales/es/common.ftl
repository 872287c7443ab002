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

nav-admin = Administración
common-actions = Acciones
common-add = Añadir
common-save = Guardar
common-saved = Guardado.
common-search = Buscar
common-filter = Filtrar
common-choose = Elegir…
common-previous = Anterior
common-next = Siguiente
common-pages = Páginas
common-page-of = Página { $page } de { $pages }

error-invalid-credentials = Nombre de usuario o contraseña incorrectos.
error-password-change-required = Debe cambiar su contraseña antes de continuar.
error-sign-in-link = Iniciar sesión
error-change-password-link = Cambiar la contraseña

validation-password-too-short = La contraseña debe tener al menos 12 caracteres.
validation-password-too-long = La contraseña puede tener como máximo 128 caracteres.
validation-password-mismatch = Las dos contraseñas no coinciden.
validation-password-unchanged = La nueva contraseña debe ser distinta de la actual.
validation-password-wrong = La contraseña actual no es correcta.
validation-username = Use de 3 a 64 caracteres: minúsculas, cifras, puntos, guiones o guiones bajos.
validation-email = Introduzca una dirección de correo, por ejemplo nombre@ejemplo.mil.
validation-unknown = Elija una de las opciones de la lista.
validation-unit-nation-mismatch = La unidad debe pertenecer a la nación elegida.
validation-rank = Elija un empleo según el código OTAN, por ejemplo OR-4 u OF-2.
validation-locale = Elija uno de los idiomas disponibles (en, fr, de, pl, es, uk).
validation-taken = Este valor ya está en uso.
validation-cannot-disable-self = No puede desactivar su propia cuenta.
validation-number = Introduzca un número entero.

role-trainee = Alumno
role-mentor = Mentor
role-training-officer = Oficial de instrucción
role-commander = Jefe de unidad
role-admin = Administrador
role-alliance-scope = en toda la Alianza
validation-date = Introduzca una fecha como AAAA-MM-DD.
