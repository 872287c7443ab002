auth-sign-in = Se connecter
auth-sign-out = Se déconnecter
auth-sign-in-title = Se connecter à Muster
auth-sign-in-lead = Utilisez le compte fourni par votre officier instruction ou votre administrateur.
auth-username = Nom d’utilisateur
auth-password = Mot de passe
