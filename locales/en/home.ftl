home-title = The alliance at a glance
home-lead = Every participating nation, its bases and training areas, and its logistics units.
home-empty = No nations have been set up yet.
home-stat-nations = { $count ->
    [one] nation
   *[other] nations
}
home-stat-bases = { $count ->
    [one] base or training area
   *[other] bases and training areas
}
home-stat-units = { $count ->
    [one] unit
   *[other] units
}
home-nation-code = ISO 3166 country code
home-bases = Bases and training areas
home-base-name = Name
home-base-time-zone = Time zone
home-base-capacity = Capacity (personnel)
home-units = Units
