auth-sign-in = Iniciar sesión
auth-sign-out = Cerrar sesión
auth-sign-in-title = Iniciar sesión en Muster
auth-sign-in-lead = Use la cuenta que le facilitó su oficial de instrucción o su administrador.
auth-username = Nombre de usuario
auth-password = Contraseña
