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
