admin-title = Адміністрування
admin-org = Структура
admin-users = Особи
admin-audit = Журнал аудиту
admin-nations = Країни
admin-nation = Країна
admin-nation-add = Додати країну
admin-nation-code = Код ISO 3166 (три літери)
admin-name = Назва
admin-default-locale = Мова за замовчуванням
admin-bases = Бази та полігони
admin-base-add = Додати базу
admin-time-zone = Часовий пояс
admin-time-zone-hint = Назва IANA, наприклад Europe/Kyiv або America/Chicago.
admin-capacity = Місткість (особовий склад)
admin-count = { $count ->
    [one] { $count } запис
    [few] { $count } записи
   *[many] { $count } записів
}
admin-units = Підрозділи
admin-unit = Підрозділ
admin-unit-add = Додати підрозділ
admin-unit-parent = Вищий підрозділ
admin-unit-no-parent = Немає (підрозділ верхнього рівня)
admin-unit-home-base = Місце постійної дислокації
admin-unit-no-base = Немає
admin-alliance = Альянс (без країни)
admin-alliance-scope = Повноваження в межах усього Альянсу для ролей офіцера, командира й адміністратора
admin-email = Електронна пошта
admin-rank = Звання
admin-preferred-locale = Бажана мова
admin-fallback-locales = Резервні мови
admin-fallback-hint = Через кому, за порядком, напр. «pl, en». Використовуються, коли вмісту бажаною мовою немає.
admin-user-search = Пошук осіб
admin-user-add = Додати особу
admin-user-edit = Редагування особи
admin-user-state = Стан
admin-user-active = Активний
admin-user-disabled = Вимкнений
admin-user-locked = Заблокований
admin-user-disable = Обліковий запис вимкнено (особа не може увійти)
admin-user-no-unit = Без підрозділу
admin-user-initial-password = Початковий пароль
admin-users-none = Нікого не знайдено.
admin-user-reset = Скидання пароля
admin-user-temporary-password = Тимчасовий пароль
admin-user-reset-submit = Скинути пароль
admin-user-reset-done = Пароль скинуто. Під час наступного входу особа має задати новий; її сеанси завершено.
audit-when = Коли
audit-actor = Хто
audit-action = Дія
audit-entity = Що
audit-entity-type = Тип запису
audit-change = Зміна
audit-details = До і після
audit-before = До
audit-after = Після
audit-from = З
audit-to = По
audit-total = { $count ->
    [one] { $count } запис
    [few] { $count } записи
   *[many] { $count } записів
}
