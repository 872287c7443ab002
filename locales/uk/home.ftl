home-title = Альянс з першого погляду
home-lead = Усі країни-учасниці, їхні бази й полігони та логістичні підрозділи.
home-empty = Ще не налаштовано жодної країни.
home-stat-nations = { $count ->
    [one] країна
    [few] країни
   *[many] країн
}
home-stat-bases = { $count ->
    [one] база або полігон
    [few] бази й полігони
   *[many] баз і полігонів
}
home-stat-units = { $count ->
    [one] підрозділ
    [few] підрозділи
   *[many] підрозділів
}
home-nation-code = Код країни ISO 3166
home-bases = Бази та полігони
home-base-name = Назва
home-base-time-zone = Часовий пояс
home-base-capacity = Місткість (особовий склад)
home-units = Підрозділи
