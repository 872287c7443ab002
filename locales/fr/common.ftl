app-title = Muster — formation logistique interalliée
app-name = Muster
nav-skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Vue d’ensemble
footer-tagline = Muster forme ensemble les logisticiens alliés. Libre et auto-hébergé.
lang-label = Langue
lang-apply = Changer
common-loading = Chargement…

error-page-title = Une erreur s’est produite
error-unauthenticated = Veuillez vous connecter pour continuer.
error-forbidden = Vous n’êtes pas autorisé à effectuer cette action.
error-not-found = Nous n’avons pas trouvé ce que vous cherchez.
error-conflict-duplicate = Un élément portant ce nom ou ce code existe déjà.
error-validation = Certains champs doivent être corrigés.
error-rate-limited = Trop de tentatives. Patientez un instant puis réessayez.
error-internal = Une erreur inattendue s’est produite. Elle a été journalisée ; réessayez plus tard.
error-transport = Le serveur est injoignable. Vérifiez votre connexion puis réessayez.

validation-required = Ce champ est obligatoire.
validation-too-long = Ce texte est trop long.
validation-invalid-characters = Ce texte contient des caractères non autorisés.
validation-nation-code = Saisissez un code ISO 3166 à trois lettres, par exemple POL.
validation-time-zone = Saisissez un fuseau horaire, par exemple Europe/Paris.
validation-out-of-range = Ce nombre est en dehors de la plage autorisée.

not-found-title = Page introuvable
not-found-body = La page demandée n’existe pas ou a été déplacée.
not-found-home = Retour à la vue d’ensemble

unit-tree-toggle = Afficher ou masquer les unités subordonnées à { $unit }
unit-tree-subordinates = { $count ->
    [one] { $count } unité subordonnée
   *[other] { $count } unités subordonnées
}
