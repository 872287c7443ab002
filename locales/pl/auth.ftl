auth-sign-in = Zaloguj się
auth-sign-out = Wyloguj się
auth-sign-in-title = Logowanie do Muster
auth-sign-in-lead = Użyj konta otrzymanego od oficera szkolenia lub administratora.
auth-username = Nazwa użytkownika
auth-password = Hasło
