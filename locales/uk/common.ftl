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

nav-admin = Адміністрування
common-actions = Дії
common-add = Додати
common-save = Зберегти
common-saved = Збережено.
common-search = Шукати
common-filter = Фільтрувати
common-choose = Виберіть…
common-previous = Попередня
common-next = Наступна
common-pages = Сторінки
common-page-of = Сторінка { $page } з { $pages }

error-invalid-credentials = Неправильне ім’я користувача або пароль.
error-password-change-required = Перш ніж продовжити, змініть пароль.
error-sign-in-link = Увійти
error-change-password-link = Змінити пароль

validation-password-too-short = Пароль має містити щонайменше 12 символів.
validation-password-too-long = Пароль може містити не більше 128 символів.
validation-password-mismatch = Паролі не збігаються.
validation-password-unchanged = Новий пароль має відрізнятися від поточного.
validation-password-wrong = Поточний пароль неправильний.
validation-username = Використайте від 3 до 64 символів: малі латинські літери, цифри, крапки, дефіси або підкреслення.
validation-email = Введіть адресу електронної пошти, наприклад name@example.mil.
validation-unknown = Виберіть один із запропонованих варіантів.
validation-unit-nation-mismatch = Підрозділ має належати до вибраної країни.
validation-rank = Виберіть військове звання за кодом НАТО, наприклад OR-4 або OF-2.
validation-locale = Виберіть одну з підтримуваних мов (en, fr, de, pl, es, uk).
validation-taken = Це значення вже використовується.
validation-cannot-disable-self = Ви не можете вимкнути власний обліковий запис.
validation-number = Введіть ціле число.

role-trainee = Курсант
role-mentor = Наставник
role-training-officer = Офіцер з підготовки
role-commander = Командир
role-admin = Адміністратор
role-alliance-scope = у межах усього Альянсу
validation-date = Введіть дату у форматі РРРР-ММ-ДД.
