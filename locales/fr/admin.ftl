admin-title = Administration
admin-org = Organisation
admin-users = Personnes
admin-audit = Journal d’audit
admin-nations = Nations
admin-nation = Nation
admin-nation-add = Ajouter une nation
admin-nation-code = Code ISO 3166 (trois lettres)
admin-name = Nom
admin-default-locale = Langue par défaut
admin-bases = Bases et camps d’entraînement
admin-base-add = Ajouter une base
admin-time-zone = Fuseau horaire
admin-time-zone-hint = Un nom IANA, par exemple Europe/Paris ou America/Chicago.
admin-capacity = Capacité (personnel)
admin-count = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
admin-units = Unités
admin-unit = Unité
admin-unit-add = Ajouter une unité
admin-unit-parent = Unité de rattachement
admin-unit-no-parent = Aucune (unité de premier niveau)
admin-unit-home-base = Garnison
admin-unit-no-base = Aucune
admin-alliance = Alliance (sans nation)
admin-alliance-scope = Portée sur toute l’Alliance pour les rôles d’officier, de chef de corps et d’administrateur
admin-email = Courriel
admin-rank = Grade
admin-preferred-locale = Langue préférée
admin-fallback-locales = Langues de repli
admin-fallback-hint = Séparées par des virgules, dans l’ordre, par ex. « pl, en ». Utilisées lorsqu’un contenu manque dans la langue préférée.
admin-user-search = Rechercher des personnes
admin-user-add = Ajouter une personne
admin-user-edit = Modifier une personne
admin-user-state = État
admin-user-active = Actif
admin-user-disabled = Désactivé
admin-user-locked = Verrouillé
admin-user-disable = Compte désactivé (la personne ne peut pas se connecter)
admin-user-no-unit = Aucune unité
admin-user-initial-password = Mot de passe initial
admin-users-none = Personne ne correspond.
admin-user-reset = Réinitialiser le mot de passe
admin-user-temporary-password = Mot de passe temporaire
admin-user-reset-submit = Réinitialiser le mot de passe
admin-user-reset-done = Mot de passe réinitialisé. La personne devra en choisir un nouveau à sa prochaine connexion ; ses sessions ont été fermées.
audit-when = Quand
audit-actor = Qui
audit-action = Action
audit-entity = Quoi
audit-entity-type = Type d’enregistrement
audit-change = Modification
audit-details = Avant et après
audit-before = Avant
audit-after = Après
audit-from = Du
audit-to = Au
audit-total = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
