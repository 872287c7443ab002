admin-title = Administracja
admin-org = Struktura
admin-users = Osoby
admin-audit = Dziennik audytu
admin-nations = Państwa
admin-nation = Państwo
admin-nation-add = Dodaj państwo
admin-nation-code = Kod ISO 3166 (trzy litery)
admin-name = Nazwa
admin-default-locale = Język domyślny
admin-bases = Bazy i poligony
admin-base-add = Dodaj bazę
admin-time-zone = Strefa czasowa
admin-time-zone-hint = Nazwa IANA, np. Europe/Warsaw lub America/Chicago.
admin-capacity = Pojemność (stan osobowy)
admin-count = { $count ->
    [one] { $count } pozycja
    [few] { $count } pozycje
   *[many] { $count } pozycji
}
admin-units = Jednostki
admin-unit = Jednostka
admin-unit-add = Dodaj jednostkę
admin-unit-parent = Jednostka nadrzędna
admin-unit-no-parent = Brak (jednostka najwyższego szczebla)
admin-unit-home-base = Miejsce stacjonowania
admin-unit-no-base = Brak
admin-alliance = Sojusz (bez państwa)
admin-alliance-scope = Zakres całego Sojuszu dla ról oficera, dowódcy i administratora
admin-email = Adres e-mail
admin-rank = Stopień
admin-preferred-locale = Preferowany język
admin-fallback-locales = Języki zastępcze
admin-fallback-hint = Oddzielone przecinkami, w kolejności, np. „pl, en”. Używane, gdy brakuje treści w preferowanym języku.
admin-user-search = Szukaj osób
admin-user-add = Dodaj osobę
admin-user-edit = Edycja osoby
admin-user-state = Stan
admin-user-active = Aktywne
admin-user-disabled = Wyłączone
admin-user-locked = Zablokowane
admin-user-disable = Konto wyłączone (osoba nie może się zalogować)
admin-user-no-unit = Bez jednostki
admin-user-initial-password = Hasło początkowe
admin-users-none = Brak pasujących osób.
admin-user-reset = Reset hasła
admin-user-temporary-password = Hasło tymczasowe
admin-user-reset-submit = Resetuj hasło
admin-user-reset-done = Hasło zresetowano. Przy następnym logowaniu osoba musi ustawić nowe; jej sesje zostały zakończone.
audit-when = Kiedy
audit-actor = Kto
audit-action = Działanie
audit-entity = Czego dotyczy
audit-entity-type = Rodzaj rekordu
audit-change = Zmiana
audit-details = Przed i po
audit-before = Przed
audit-after = Po
audit-from = Od
audit-to = Do
audit-total = { $count ->
    [one] { $count } wpis
    [few] { $count } wpisy
   *[many] { $count } wpisów
}
