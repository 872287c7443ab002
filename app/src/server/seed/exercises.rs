//! Demo calendar: about a hundred multinational logistics exercises over eighteen months (six
//! behind, twelve ahead) at the seeded bases, national blackouts, and a few deliberate conflicts
//! (a double-booked company, an over-full training area, a holiday, a trainee in two places) so
//! deconfliction is visible on first start. Deterministic: the same ids on every fresh seed.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder};
use uuid::Uuid;

use super::demo_id;
use crate::{
    api::exercises::{CLIMATES, KINDS, LINES, TERRAINS, THEMES},
    server::{
        entities::{
            base,
            calendar::{
                blackout, exercise, exercise_objective, exercise_participant,
                exercise_releasability, exercise_translation, exercise_unit,
            },
            nation, unit,
        },
        error::ServiceError,
    },
};

const NAMES: [&str; 20] = [
    "Steadfast Supply",
    "Iron Convoy",
    "Baltic Fuel",
    "Northern Lift",
    "Rapid Reception",
    "Silent Depot",
    "Amber Rail",
    "Coastal Bridge",
    "Winter Haul",
    "Open Gate",
    "Swift Replenish",
    "Eastern Corridor",
    "Steel Harbour",
    "Allied Pipeline",
    "Vigilant Store",
    "Trident Sustain",
    "Common Route",
    "Forward Cache",
    "Bright Lantern",
    "Joint Wheel",
];

const OBJECTIVES: [&str; 8] = [
    "Establish a forward fuel point within 12 hours of arrival",
    "Move a battalion's equipment by rail across a national border",
    "Run night convoys under emission control",
    "Receive, stage and move onward a multinational brigade",
    "Coordinate host-nation support requests through one cell",
    "Reroute supply around a lost bridge within 6 hours",
    "Evacuate and treat casualties along the supply route",
    "Account for every pallet from port to brigade support area",
];

/// SplitMix64: small and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One exercise to insert.
struct Plan {
    key: String,
    code: String,
    name: String,
    base: Uuid,
    lead: Uuid,
    start: DateTime<Utc>,
    days: i64,
    status: &'static str,
    units: Vec<(Uuid, i32)>,
    people: Vec<Uuid>,
    releasable_to: Option<Vec<Uuid>>,
}

fn day(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::from_hms_opt(6, 0, 0).unwrap_or(NaiveTime::MIN)))
}

fn status_at(start: DateTime<Utc>, end: DateTime<Utc>, now: DateTime<Utc>, r: u64) -> &'static str {
    if end <= now {
        if r.is_multiple_of(15) {
            "cancelled"
        } else {
            "completed"
        }
    } else if start <= now {
        "in_progress"
    } else {
        match r % 10 {
            0..=3 => "approved",
            4..=6 => "planned",
            7 | 8 => "draft",
            _ => "approved",
        }
    }
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    p: &Plan,
    rng: &mut Rng,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let id = demo_id("exercise", &p.key);
    let lines: Vec<&str> = LINES
        .iter()
        .copied()
        .filter(|_| rng.below(2) == 0)
        .collect();
    let themes: Vec<&str> = THEMES
        .iter()
        .copied()
        .filter(|_| rng.below(3) == 0)
        .collect();
    exercise::Entity::insert(exercise::ActiveModel {
        id: Set(id),
        code: Set(p.code.clone()),
        kind: Set((*rng.pick(&KINDS)).to_owned()),
        status: Set(p.status.to_owned()),
        name: Set(p.name.clone()),
        description: Set(format!(
            "{} — a multinational logistics exercise: sustainment of allied forces from port to \
             brigade support area.",
            p.name
        )),
        lines_of_communication: Set(if lines.is_empty() {
            "land".into()
        } else {
            lines.join(",")
        }),
        themes: Set(themes.join(",")),
        climate: Set((*rng.pick(&CLIMATES)).to_owned()),
        terrain: Set((*rng.pick(&TERRAINS)).to_owned()),
        host_base_id: Set(p.base),
        lead_nation_id: Set(p.lead),
        start_at: Set(p.start),
        end_at: Set(p.start + Duration::days(p.days)),
        sequence: Set(0),
        releasable_to_all: Set(p.releasable_to.is_none()),
        override_reason: Set(None),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(db)
    .await?;
    for (locale, prefix) in [("pl", "Ćwiczenie"), ("fr", "Exercice"), ("de", "Übung")] {
        exercise_translation::Entity::insert(exercise_translation::ActiveModel {
            exercise_id: Set(id),
            locale: Set(locale.into()),
            name: Set(format!("{prefix} {}", p.name)),
            description: Set(String::new()),
        })
        .exec(db)
        .await?;
    }
    for n in p.releasable_to.iter().flatten() {
        exercise_releasability::Entity::insert(exercise_releasability::ActiveModel {
            exercise_id: Set(id),
            nation_id: Set(*n),
        })
        .exec(db)
        .await?;
    }
    for (unit_id, headcount) in &p.units {
        exercise_unit::Entity::insert(exercise_unit::ActiveModel {
            exercise_id: Set(id),
            unit_id: Set(*unit_id),
            headcount: Set(*headcount),
        })
        .exec(db)
        .await?;
    }
    for user_id in &p.people {
        exercise_participant::Entity::insert(exercise_participant::ActiveModel {
            exercise_id: Set(id),
            user_id: Set(*user_id),
        })
        .exec(db)
        .await?;
    }
    let first = rng.below(OBJECTIVES.len());
    for position in 0..3 {
        let text = OBJECTIVES[(first + position) % OBJECTIVES.len()];
        exercise_objective::Entity::insert(exercise_objective::ActiveModel {
            id: Set(demo_id("objective", &format!("{}:{position}", p.key))),
            exercise_id: Set(id),
            position: Set(i32::try_from(position).unwrap_or(0)),
            text: Set(text.into()),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

async fn blackouts<C: ConnectionTrait>(
    db: &C,
    year: i32,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let holidays = [
        ("POL", 5, 1, 3, "Labour Day and Constitution Day"),
        ("POL", 11, 11, 1, "Independence Day"),
        ("DEU", 10, 3, 1, "German Unity Day"),
        ("DEU", 12, 23, 10, "Christmas leave"),
        ("FRA", 7, 14, 1, "Fête nationale"),
        ("FRA", 8, 1, 21, "Summer leave"),
        ("GBR", 12, 20, 14, "Christmas leave"),
        ("USA", 7, 4, 1, "Independence Day"),
        ("USA", 11, 26, 2, "Thanksgiving"),
        ("ESP", 10, 12, 1, "Fiesta Nacional"),
        ("UKR", 8, 24, 1, "Independence Day"),
    ];
    let mut n = 0;
    for y in [year - 1, year, year + 1] {
        for (code, month, dom, days, reason) in holidays {
            let Some(start) = NaiveDate::from_ymd_opt(y, month, dom) else {
                continue;
            };
            let start_at = Utc.from_utc_datetime(&start.and_time(NaiveTime::MIN));
            blackout::Entity::insert(blackout::ActiveModel {
                id: Set(demo_id("blackout", &format!("{code}:{y}-{month}-{dom}"))),
                nation_id: Set(demo_id("nation", code)),
                start_at: Set(start_at),
                end_at: Set(start_at + Duration::days(days)),
                reason: Set(reason.into()),
                created_at: Set(now),
            })
            .exec(db)
            .await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Seeds the demo calendar; answers how many exercises it planned.
pub(super) async fn seed<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let nations = nation::Entity::find()
        .order_by_asc(nation::Column::Code)
        .all(db)
        .await?;
    let bases = base::Entity::find()
        .order_by_asc(base::Column::Name)
        .all(db)
        .await?;
    let units = unit::Entity::find()
        .order_by_asc(unit::Column::Name)
        .all(db)
        .await?;
    if bases.is_empty() || units.is_empty() {
        return Ok(0);
    }
    blackouts(db, now.year(), now).await?;
    let mut rng = Rng(0x4d75_7374_6572);
    let first = now.date_naive() - Duration::days(183);
    let mut plans = Vec::new();
    for i in 0..96usize {
        let b = rng.pick(&bases);
        let lead = if rng.below(5) == 0 {
            rng.pick(&nations).id
        } else {
            b.nation_id
        };
        let start = day(first + Duration::days(i64::try_from(rng.below(548)).unwrap_or(0)));
        let days = 2 + i64::try_from(rng.below(12)).unwrap_or(0);
        let own: Vec<&unit::Model> = units.iter().filter(|u| u.nation_id == lead).collect();
        let mut chosen: Vec<(Uuid, i32)> = vec![];
        for k in 0..(1 + rng.below(3)) {
            let u = if k == 0 && !own.is_empty() {
                *rng.pick(&own)
            } else {
                rng.pick(&units)
            };
            if !chosen.iter().any(|(id, _)| *id == u.id) {
                let headcount = 40 + i32::try_from(rng.below(400)).unwrap_or(0);
                chosen.push((u.id, headcount));
            }
        }
        let releasable_to = (rng.below(4) == 0).then(|| {
            let other = rng.pick(&nations).id;
            if other == lead {
                vec![lead]
            } else {
                vec![lead, other]
            }
        });
        let name = format!("{} {}", rng.pick(&NAMES), 26 + i / 20);
        let status = status_at(start, start + Duration::days(days), now, rng.next());
        plans.push(Plan {
            key: format!("auto-{i}"),
            code: format!("LOG-{:03}", i + 1),
            name,
            base: b.id,
            lead,
            start,
            days,
            status,
            units: chosen,
            people: vec![],
            releasable_to,
        });
    }
    plans.extend(deliberate(now));
    for p in &plans {
        insert(db, p, &mut rng, now).await?;
    }
    Ok(plans.len())
}

/// The conflicts a first visitor should find, a few weeks ahead.
fn deliberate(now: DateTime<Utc>) -> Vec<Plan> {
    let soon = now.date_naive() + Duration::days(21);
    let unit = |key: &str| demo_id("unit", key);
    let base = |key: &str| demo_id("base", key);
    let nation = |code: &str| demo_id("nation", code);
    let user = |name: &str| demo_id("user", name);
    let plan =
        |key: &str, code: &str, name: &str, b: Uuid, lead: &str, offset: i64, days: i64| Plan {
            key: key.into(),
            code: code.into(),
            name: name.into(),
            base: b,
            lead: nation(lead),
            start: day(soon + Duration::days(offset)),
            days,
            status: "planned",
            units: vec![],
            people: vec![],
            releasable_to: None,
        };
    let drawsko = base("POL:Drawsko Pomorskie Training Area");
    let sennybridge = base("GBR:Sennybridge Training Area");
    let mut rail_a = plan("rail-a", "AMBER-RAIL-1", "Amber Rail", drawsko, "POL", 0, 7);
    rail_a.units = vec![
        (unit("POL:Rail Loading Company"), 180),
        (unit("POL:11th Fuel Supply Company"), 140),
    ];
    rail_a.people = vec![user("trainee.pol"), user("trainee.ukr")];
    rail_a.status = "approved";
    let mut rail_b = plan(
        "rail-b",
        "BALTIC-FUEL-2",
        "Baltic Fuel",
        base("POL:Bemowo Piskie Training Area"),
        "POL",
        4,
        6,
    );
    rail_b.units = vec![
        (unit("POL:Rail Loading Company"), 60),
        (unit("UKR:Fuel Supply Battalion"), 220),
    ];
    rail_b.people = vec![user("trainee.ukr")];
    let mut wales_a = plan(
        "wales-a",
        "WINTER-HAUL-1",
        "Winter Haul",
        sennybridge,
        "GBR",
        10,
        5,
    );
    wales_a.units = vec![(unit("GBR:29 Regiment Royal Logistic Corps"), 1500)];
    wales_a.people = vec![user("trainee.fra")];
    wales_a.status = "approved";
    let mut wales_b = plan(
        "wales-b",
        "COMMON-ROUTE-1",
        "Common Route",
        sennybridge,
        "FRA",
        12,
        5,
    );
    wales_b.units = vec![
        (unit("FRA:Fuel Distribution Squadron"), 900),
        (unit("ESP:Supply Unit 21"), 500),
    ];
    wales_b.people = vec![user("trainee.esp")];
    wales_b.releasable_to = Some(vec![nation("FRA"), nation("ESP")]);
    vec![rail_a, rail_b, wales_a, wales_b]
}
