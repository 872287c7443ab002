app-title = Muster — wspólne szkolenie logistyczne sojuszników
app-name = Muster
nav-skip-to-content = Przejdź do treści
nav-label = Nawigacja główna
nav-home = Przegląd
footer-tagline = Muster szkoli razem logistyków państw sojuszniczych. Otwarte oprogramowanie, własny hosting.
lang-label = Język
lang-apply = Zmień
common-loading = Wczytywanie…

error-page-title = Coś poszło nie tak
error-unauthenticated = Zaloguj się, aby kontynuować.
error-forbidden = Nie masz uprawnień do tej operacji.
error-not-found = Nie znaleźliśmy tego, czego szukasz.
error-conflict-duplicate = Element o tej nazwie lub tym kodzie już istnieje.
error-validation = Niektóre pola wymagają poprawienia.
error-rate-limited = Zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.
error-internal = Wystąpił nieoczekiwany błąd. Został zapisany w dzienniku; spróbuj ponownie później.
error-transport = Nie można połączyć się z serwerem. Sprawdź połączenie i spróbuj ponownie.

validation-required = To pole jest wymagane.
validation-too-long = Ten tekst jest za długi.
validation-invalid-characters = Ten tekst zawiera niedozwolone znaki.
validation-nation-code = Podaj trzyliterowy kod ISO 3166, np. POL.
validation-time-zone = Podaj strefę czasową, np. Europe/Warsaw.
validation-out-of-range = Ta liczba jest poza dozwolonym zakresem.

not-found-title = Nie znaleziono strony
not-found-body = Strona, której szukasz, nie istnieje lub została przeniesiona.
not-found-home = Powrót do przeglądu

unit-tree-toggle = Pokaż lub ukryj jednostki podległe { $unit }
unit-tree-subordinates = { $count ->
    [one] { $count } jednostka podległa
    [few] { $count } jednostki podległe
   *[many] { $count } jednostek podległych
}

nav-admin = Administracja
common-actions = Działania
common-add = Dodaj
common-save = Zapisz
common-saved = Zapisano.
common-search = Szukaj
common-filter = Filtruj
common-choose = Wybierz…
common-previous = Poprzednia
common-next = Następna
common-pages = Strony
common-page-of = Strona { $page } z { $pages }

error-invalid-credentials = Nieprawidłowa nazwa użytkownika lub hasło.
error-password-change-required = Przed kontynuowaniem musisz zmienić hasło.
error-sign-in-link = Zaloguj się
error-change-password-link = Zmień hasło

validation-password-too-short = Hasło musi mieć co najmniej 12 znaków.
validation-password-too-long = Hasło może mieć najwyżej 128 znaków.
validation-password-mismatch = Podane hasła różnią się.
validation-password-unchanged = Nowe hasło musi różnić się od obecnego.
validation-password-wrong = Obecne hasło jest nieprawidłowe.
validation-username = Użyj od 3 do 64 znaków: małych liter, cyfr, kropek, łączników lub podkreśleń.
validation-email = Podaj adres e-mail, np. imie@przyklad.mil.
validation-unknown = Wybierz jedną z pozycji z listy.
validation-unit-nation-mismatch = Jednostka musi należeć do wybranego państwa.
validation-rank = Wybierz stopień według kodu NATO, np. OR-4 lub OF-2.
validation-locale = Wybierz jeden z obsługiwanych języków (en, fr, de, pl, es, uk).
validation-taken = Ta wartość jest już zajęta.
validation-cannot-disable-self = Nie możesz wyłączyć własnego konta.
validation-number = Podaj liczbę całkowitą.

role-trainee = Szkolony
role-mentor = Mentor
role-training-officer = Oficer szkolenia
role-commander = Dowódca
role-admin = Administrator
role-alliance-scope = w całym Sojuszu
validation-date = Wpisz datę w formacie RRRR-MM-DD.
