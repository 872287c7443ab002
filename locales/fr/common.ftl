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

nav-admin = Administration
common-actions = Actions
common-add = Ajouter
common-save = Enregistrer
common-saved = Enregistré.
common-search = Rechercher
common-filter = Filtrer
common-choose = Choisir…
common-previous = Précédent
common-next = Suivant
common-pages = Pages
common-page-of = Page { $page } sur { $pages }

error-invalid-credentials = Nom d’utilisateur ou mot de passe incorrect.
error-password-change-required = Vous devez changer votre mot de passe avant de continuer.
error-sign-in-link = Se connecter
error-change-password-link = Changer votre mot de passe

validation-password-too-short = Un mot de passe doit comporter au moins 12 caractères.
validation-password-too-long = Un mot de passe peut comporter au plus 128 caractères.
validation-password-mismatch = Les deux mots de passe ne sont pas identiques.
validation-password-unchanged = Le nouveau mot de passe doit être différent de l’actuel.
validation-password-wrong = Le mot de passe actuel est incorrect.
validation-username = Utilisez de 3 à 64 caractères : lettres minuscules, chiffres, points, traits d’union ou tirets bas.
validation-email = Saisissez une adresse électronique, par exemple nom@exemple.mil.
validation-unknown = Choisissez l’une des entrées proposées.
validation-unit-nation-mismatch = L’unité doit appartenir à la nation choisie.
validation-rank = Choisissez un grade OTAN, par exemple OR-4 ou OF-2.
validation-locale = Choisissez l’une des langues prises en charge (en, fr, de, pl, es, uk).
validation-taken = Cette valeur est déjà utilisée.
validation-cannot-disable-self = Vous ne pouvez pas désactiver votre propre compte.
validation-number = Saisissez un nombre entier.

role-trainee = Stagiaire
role-mentor = Mentor
role-training-officer = Officier instruction
role-commander = Chef de corps
role-admin = Administrateur
role-alliance-scope = toute l’Alliance
validation-date = Saisissez une date au format AAAA-MM-JJ.
