auth-sign-in = Anmelden
auth-sign-out = Abmelden
auth-sign-in-title = Bei Muster anmelden
auth-sign-in-lead = Verwenden Sie das Konto, das Ihnen Ihr Ausbildungsoffizier oder Administrator gegeben hat.
auth-username = Benutzername
auth-password = Passwort
