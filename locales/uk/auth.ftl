auth-sign-in = Увійти
auth-sign-out = Вийти
auth-sign-in-title = Вхід до Muster
auth-sign-in-lead = Використайте обліковий запис, який вам надав офіцер з підготовки або адміністратор.
auth-username = Ім’я користувача
auth-password = Пароль
