nav-mentoring = Наставництво
mentoring-title = Моє наставництво
mentoring-my-mentees = Мої підопічні
mentoring-my-mentor = Мій наставник
mentoring-capacity = Зайнято місць: { $taken } з { $capacity }
mentoring-no-mentees = У вас ще немає підопічних.
mentoring-no-mentor = У вас ще немає наставника.
mentoring-since = з { $date }
mentoring-status = Стан
mentoring-status-proposed = Запропоновано
mentoring-status-active = Активна
mentoring-status-ended = Завершена
mentoring-checkins = Зустрічі
mentoring-no-checkins = Зустрічей ще немає.
mentoring-checkin-on = Дата
mentoring-checkin-notes = Нотатки
mentoring-checkin-add = Записати зустріч
mentoring-end = Завершити пару
mentoring-mentor-profile = Мій профіль наставника
mentoring-mentee-profile = Мій профіль підопічного
mentoring-capacity-field = Місткість (найбільше підопічних одночасно)
mentoring-languages = Робочі мови
mentoring-languages-hint = Коди мов через кому, напр. uk, en
mentoring-specialties = Спеціалізації
mentoring-specialties-wanted = Бажані спеціалізації
mentoring-specialties-hint = Через кому
mentoring-years = Років у логістиці
mentoring-available = Доступний для нових підопічних
mentoring-runs-title = Підбір наставників
mentoring-run-new = Запустити розрахунок
mentoring-pool = Коло осіб
mentoring-pool-everyone = Усі в моїх повноваженнях
mentoring-pool-units = { $count ->
    [one] { $count } підрозділ
    [few] { $count } підрозділи
   *[other] { $count } підрозділів
}
mentoring-weights = Ваги (від 0 до 100)
mentoring-weight-specialty = Відповідність спеціалізацій
mentoring-weight-cross-nation = Міжнаціональна пара
mentoring-weight-proximity = Та сама база або часовий пояс
mentoring-weight-language = Бажана мова
mentoring-min-years-gap = Додаткові роки в логістиці, що роблять наставника старшим
mentoring-run-start = Підібрати наставників
mentoring-runs-recent = Останні розрахунки
mentoring-runs-none = Розрахунків ще немає.
mentoring-run-title = Розрахунок підбору
mentoring-run-status = Стан розрахунку
mentoring-run-status-queued = У черзі
mentoring-run-status-running = Виконується
mentoring-run-status-done = Готово
mentoring-run-status-failed = Помилка
mentoring-run-progress = Поступ
mentoring-refresh = Оновити
mentoring-matched = з { $mentees } підопічних мають наставника
mentoring-total-score = загальний бал
mentoring-mentors-in-pool = враховано наставників
mentoring-created = Запущено
mentoring-proposals = Пропозиції
mentoring-proposals-none = Пропозицій немає.
mentoring-mentor = Наставник
mentoring-mentee = Підопічний
mentoring-score = Бал
mentoring-component = { $raw } × { $weight } = { $contribution }
mentoring-pinned = закріплено
mentoring-pin = Закріпити
mentoring-forbid = Заборонити
mentoring-accept = Затвердити
mentoring-accept-all = Затвердити всі пропозиції
mentoring-accepted = { $count ->
    [one] Затверджено { $count } пару.
    [few] Затверджено { $count } пари.
   *[other] Затверджено { $count } пар.
}
mentoring-skipped = { $count ->
    [one] Пропущено { $count } пропозицію: підопічний уже має наставника або наставник не має місць.
    [few] Пропущено { $count } пропозиції: підопічний уже має наставника або наставник не має місць.
   *[other] Пропущено { $count } пропозицій: підопічний уже має наставника або наставник не має місць.
}
mentoring-sort-by = Сортувати за:
mentoring-pins-count = закріплено: { $pins }, заборонено: { $forbids }
mentoring-unmatched = Підопічні без наставника
mentoring-unmatched-none = Кожен підопічний має наставника.
mentoring-reason-no-eligible = жоден наставник не відповідає всім обов’язковим правилам.
mentoring-reason-capacity = { $count ->
    [one] місця єдиного придатного наставника дісталися парам з вищим балом.
   *[other] місця всіх придатних наставників ({ $count }) дісталися парам з вищим балом.
}
mentoring-nearest = Найближчі кандидати та причини виключення:
mentoring-constraint-same-person = та сама особа
mentoring-constraint-unavailable = недоступний
mentoring-constraint-no-free-capacity = немає вільного місця
mentoring-constraint-no-shared-language = немає спільної мови
mentoring-constraint-not-senior = недостатньо старший
mentoring-constraint-chain-of-command = у ланцюгу командування
mentoring-constraint-forbidden = заборонено офіцером
mentoring-fairness = Збалансованість
mentoring-fairness-by-nation = Підопічних на наставника за країною
mentoring-fairness-by-rank = Підопічних на наставника за званням
mentoring-fairness-summary = Середня кількість підопічних на наставника у { $groups } групах; цифри наведено в таблиці нижче.
mentoring-group = Група
mentoring-mentors = Наставники
mentoring-mentees = Підопічні
mentoring-per-mentor = На наставника
mentoring-run-error-internal = Розрахунок несподівано завершився помилкою. Її записано в журнал; запустіть його знову.
mentoring-run-error-invalid-weights = Вага виходить за межі від 0 до 100.
mentoring-run-error-invalid-rank = Хтось у колі осіб має недійсне звання.
mentoring-run-error-duplicate-mentor = Наставник двічі трапляється в колі осіб.
mentoring-run-error-duplicate-mentee = Підопічний двічі трапляється в колі осіб.
mentoring-run-error-unknown-pin = Закріплена пара називає особу поза колом осіб (або яка вже має наставника).
mentoring-run-error-mentee-pinned-twice = Підопічного закріплено за двома наставниками.
mentoring-run-error-pin-breaks-constraints = Закріплена пара порушує обов’язкове правило (або також заборонена).
mentoring-run-error-pins-exceed-capacity = Наставник має більше закріплених пар, ніж вільних місць.
error-conflict-run-not-done = Розрахунок ще не завершено.
error-conflict-pairing-not-active = Ця пара не активна.
