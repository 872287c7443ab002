app-title = Muster — спільна логістична підготовка союзників
app-name = Muster
nav-skip-to-content = Перейти до змісту
nav-label = Головна навігація
nav-home = Огляд
footer-tagline = Muster навчає логістів союзних країн разом. Відкритий код, власне розгортання.
lang-label = Мова
lang-apply = Змінити
common-loading = Завантаження…

error-page-title = Щось пішло не так
error-unauthenticated = Увійдіть, щоб продовжити.
error-forbidden = У вас немає дозволу на цю дію.
error-not-found = Не вдалося знайти те, що ви шукаєте.
error-conflict-duplicate = Запис із такою назвою або кодом уже існує.
error-validation = Деякі поля потребують виправлення.
error-rate-limited = Забагато спроб. Зачекайте трохи й спробуйте ще раз.
error-internal = Сталася неочікувана помилка. Її записано в журнал; спробуйте пізніше.
error-transport = Не вдається з’єднатися із сервером. Перевірте з’єднання та спробуйте ще раз.

validation-required = Це поле обов’язкове.
validation-too-long = Текст задовгий.
validation-invalid-characters = Текст містить недозволені символи.
validation-nation-code = Введіть трилітерний код ISO 3166, наприклад UKR.
validation-time-zone = Введіть часовий пояс, наприклад Europe/Kyiv.
validation-out-of-range = Число поза допустимим діапазоном.

not-found-title = Сторінку не знайдено
not-found-body = Сторінка, яку ви шукаєте, не існує або була переміщена.
not-found-home = Повернутися до огляду

unit-tree-toggle = Показати або приховати підрозділи, підпорядковані { $unit }
unit-tree-subordinates = { $count ->
    [one] { $count } підпорядкований підрозділ
    [few] { $count } підпорядковані підрозділи
   *[many] { $count } підпорядкованих підрозділів
}
