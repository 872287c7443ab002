nav-mentoring = Mentoring
mentoring-title = Mój mentoring
mentoring-my-mentees = Moi podopieczni
mentoring-my-mentor = Mój mentor
mentoring-capacity = Zajęte miejsca: { $taken } z { $capacity }
mentoring-no-mentees = Nie masz jeszcze podopiecznych.
mentoring-no-mentor = Nie masz jeszcze mentora.
mentoring-since = od { $date }
mentoring-status = Stan
mentoring-status-proposed = Zaproponowana
mentoring-status-active = Aktywna
mentoring-status-ended = Zakończona
mentoring-checkins = Spotkania
mentoring-no-checkins = Brak spotkań.
mentoring-checkin-on = Data
mentoring-checkin-notes = Notatki
mentoring-checkin-add = Zapisz spotkanie
mentoring-end = Zakończ parę
mentoring-mentor-profile = Mój profil mentora
mentoring-mentee-profile = Mój profil podopiecznego
mentoring-capacity-field = Pojemność (najwięcej podopiecznych naraz)
mentoring-languages = Języki robocze
mentoring-languages-hint = Kody języków oddzielone przecinkami, np. pl, en
mentoring-specialties = Specjalności
mentoring-specialties-wanted = Poszukiwane specjalności
mentoring-specialties-hint = Oddzielone przecinkami
mentoring-years = Lata w logistyce
mentoring-available = Dostępny dla nowych podopiecznych
mentoring-runs-title = Dobór mentorów
mentoring-run-new = Uruchom obliczenie
mentoring-pool = Zakres osób
mentoring-pool-everyone = Wszyscy w moim zakresie
mentoring-pool-units = { $count ->
    [one] { $count } jednostka
    [few] { $count } jednostki
   *[other] { $count } jednostek
}
mentoring-weights = Wagi (od 0 do 100)
mentoring-weight-specialty = Zgodność specjalności
mentoring-weight-cross-nation = Para międzynarodowa
mentoring-weight-proximity = Ta sama baza lub strefa czasowa
mentoring-weight-language = Preferowany język
mentoring-min-years-gap = Dodatkowe lata w logistyce, które czynią mentora starszym
mentoring-run-start = Dobierz mentorów
mentoring-runs-recent = Ostatnie obliczenia
mentoring-runs-none = Brak obliczeń.
mentoring-run-title = Obliczenie doboru
mentoring-run-status = Stan obliczenia
mentoring-run-status-queued = W kolejce
mentoring-run-status-running = W toku
mentoring-run-status-done = Gotowe
mentoring-run-status-failed = Niepowodzenie
mentoring-run-progress = Postęp
mentoring-refresh = Odśwież
mentoring-matched = z { $mentees } podopiecznych ma mentora
mentoring-total-score = łączny wynik
mentoring-mentors-in-pool = uwzględnionych mentorów
mentoring-created = Rozpoczęto
mentoring-proposals = Propozycje
mentoring-proposals-none = Brak propozycji.
mentoring-mentor = Mentor
mentoring-mentee = Podopieczny
mentoring-score = Wynik
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = przypięta
mentoring-pin = Przypnij
mentoring-forbid = Zabroń
mentoring-accept = Zatwierdź
mentoring-accept-all = Zatwierdź wszystkie propozycje
mentoring-accepted = { $count ->
    [one] Zatwierdzono { $count } parę.
    [few] Zatwierdzono { $count } pary.
   *[other] Zatwierdzono { $count } par.
}
mentoring-skipped = { $count ->
    [one] Pominięto { $count } propozycję: podopieczny ma już mentora albo mentor nie ma miejsc.
    [few] Pominięto { $count } propozycje: podopieczny ma już mentora albo mentor nie ma miejsc.
   *[other] Pominięto { $count } propozycji: podopieczny ma już mentora albo mentor nie ma miejsc.
}
mentoring-sort-by = Sortuj według:
mentoring-pins-count = przypięte: { $pins }, zabronione: { $forbids }
mentoring-unmatched = Podopieczni bez mentora
mentoring-unmatched-none = Każdy podopieczny ma mentora.
mentoring-reason-no-eligible = żaden mentor nie spełnia wszystkich twardych reguł.
mentoring-reason-capacity = { $count ->
    [one] miejsca jedynego pasującego mentora przypadły lepiej ocenionym parom.
   *[other] miejsca wszystkich pasujących mentorów ({ $count }) przypadły lepiej ocenionym parom.
}
mentoring-nearest = Najbliżsi kandydaci i powody wykluczenia:
mentoring-constraint-same-person = ta sama osoba
mentoring-constraint-unavailable = niedostępny
mentoring-constraint-no-free-capacity = brak wolnego miejsca
mentoring-constraint-no-shared-language = brak wspólnego języka
mentoring-constraint-not-senior = za mało doświadczony
mentoring-constraint-chain-of-command = w łańcuchu dowodzenia
mentoring-constraint-forbidden = zabronione przez oficera
mentoring-fairness = Równowaga
mentoring-fairness-by-nation = Podopieczni na mentora według państwa
mentoring-fairness-by-rank = Podopieczni na mentora według stopnia
mentoring-fairness-summary = Średnia liczba podopiecznych na mentora w { $groups } grupach; liczby podaje tabela poniżej.
mentoring-group = Grupa
mentoring-mentors = Mentorzy
mentoring-mentees = Podopieczni
mentoring-per-mentor = Na mentora
mentoring-run-error-internal = Obliczenie nieoczekiwanie się nie powiodło. Zapisano to w dzienniku; uruchom je ponownie.
mentoring-run-error-invalid-weights = Waga wykracza poza zakres od 0 do 100.
mentoring-run-error-invalid-rank = Ktoś w zakresie ma nieprawidłowy stopień.
mentoring-run-error-duplicate-mentor = Mentor występuje w zakresie dwukrotnie.
mentoring-run-error-duplicate-mentee = Podopieczny występuje w zakresie dwukrotnie.
mentoring-run-error-unknown-pin = Przypięta para wskazuje osobę spoza zakresu (albo mającą już mentora).
mentoring-run-error-mentee-pinned-twice = Podopieczny jest przypięty do dwóch mentorów.
mentoring-run-error-pin-breaks-constraints = Przypięta para łamie twardą regułę (albo jest też zabroniona).
mentoring-run-error-pins-exceed-capacity = Mentor ma więcej przypiętych par niż wolnych miejsc.
error-conflict-run-not-done = Obliczenie jeszcze się nie zakończyło.
error-conflict-pairing-not-active = Ta para nie jest aktywna.
