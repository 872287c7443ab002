//! Demo mentoring pool: profiles for the demo mentors and trainees, and a few hundred generated
//! mentors and mentees across every seeded nation (deterministic: the same ids, ranks, languages
//! and specialties on every fresh database), so a first run shows cross-nation pairs, unmatched
//! mentees with their reasons, and the fairness chart.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder};
use uuid::Uuid;

use super::demo_id;
use crate::{
    api::mentoring::SPECIALTIES,
    domain::policy::Role,
    i18n::Locale,
    server::{
        entities::{mentee_profile, mentor_profile, nation, unit, user_role},
        error::ServiceError,
        services::users::{NewRecord, insert_record},
    },
};

/// Generated mentors and mentees per nation.
pub const MENTORS_PER_NATION: usize = 6;
pub const MENTEES_PER_NATION: usize = 24;

/// Profiles of the hand-written demo accounts: (username, mentor?, capacity, languages,
/// specialties, years).
const DEMO: [(&str, bool, i32, &str, &str, i32); 7] = [
    (
        "mentor.deu",
        true,
        3,
        "de,en,pl",
        "fuel,movement control",
        18,
    ),
    ("mentor.usa", true, 3, "en,es", "ammunition,maintenance", 16),
    (
        "mentor.esp",
        true,
        2,
        "es,en,fr",
        "warehousing,medical logistics",
        14,
    ),
    ("trainee.pol", false, 0, "pl", "fuel,movement control", 2),
    ("trainee.ukr", false, 0, "uk,pl,en", "fuel,ammunition", 1),
    ("trainee.fra", false, 0, "fr,en", "maintenance", 3),
    ("trainee.esp", false, 0, "es,en", "warehousing", 1),
];

/// The working language of each demo nation (beyond the six interface languages).
fn native(code: &str) -> &'static str {
    match code {
        "POL" => "pl",
        "DEU" => "de",
        "FRA" => "fr",
        "ESP" => "es",
        "ITA" => "it",
        "NLD" => "nl",
        "NOR" => "no",
        "LTU" => "lt",
        "UKR" => "uk",
        _ => "en",
    }
}

const GIVEN: [&str; 8] = [
    "Alex", "Sam", "Robin", "Kim", "Jordan", "Maria", "Jan", "Eva",
];
const FAMILY: [&str; 8] = [
    "Novak", "Berg", "Lind", "Moreau", "Costa", "Meyer", "Horvat", "Kovacs",
];

/// A tiny deterministic generator (xorshift), so the demo is the same on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// One to `max` distinct specialties.
    fn specialties(&mut self, max: usize) -> String {
        let mut out: Vec<&str> = vec![];
        for _ in 0..1 + self.below(max) {
            let s = SPECIALTIES[self.below(SPECIALTIES.len())];
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out.join(",")
    }
}

struct Generated {
    username: String,
    display_name: String,
    nation_id: Uuid,
    unit_id: Option<Uuid>,
    rank: String,
    locale: Locale,
    mentor: bool,
    languages: String,
    specialties: String,
    capacity: i32,
    years: i32,
    available: bool,
}

fn generate(nations: &[nation::Model], units: &BTreeMap<Uuid, Vec<Uuid>>) -> Vec<Generated> {
    let mut dice = Dice(0x4d55_5354_4552_2026);
    let mut out = vec![];
    for n in nations {
        let code = n.code.to_lowercase();
        let lang = native(&n.code);
        let locale = Locale::parse(lang).unwrap_or_default();
        let own_units = units.get(&n.id).cloned().unwrap_or_default();
        for i in 0..MENTORS_PER_NATION + MENTEES_PER_NATION {
            let mentor = i < MENTORS_PER_NATION;
            let number = if mentor {
                i + 1
            } else {
                i + 1 - MENTORS_PER_NATION
            };
            let mut languages = vec![lang.to_owned()];
            if lang != "en" && dice.chance(if mentor { 80 } else { 35 }) {
                languages.push("en".into());
            }
            if dice.chance(15) {
                let extra = ["fr", "de", "es", "pl"][dice.below(4)];
                if !languages.iter().any(|l| l == extra) {
                    languages.push(extra.into());
                }
            }
            let rank = if mentor {
                if dice.chance(40) {
                    format!("OF-{}", 2 + dice.below(3))
                } else {
                    format!("OR-{}", 6 + dice.below(4))
                }
            } else if dice.chance(20) {
                format!("OF-{}", 1 + dice.below(2))
            } else {
                format!("OR-{}", 2 + dice.below(4))
            };
            let name = format!(
                "{} {}",
                GIVEN[dice.below(GIVEN.len())],
                FAMILY[dice.below(FAMILY.len())]
            );
            // the first mentee of each nation: a senior officer new to logistics who speaks only
            // the national language — the hard case the explanations are for
            let hard = number == 1 && !mentor;
            if hard {
                languages.truncate(1);
            }
            let rank = if hard { "OF-3".to_owned() } else { rank };
            out.push(Generated {
                username: format!(
                    "{}.{code}.{number:02}",
                    if mentor { "mentor" } else { "trainee" }
                ),
                display_name: format!("{name} ({})", n.code),
                nation_id: n.id,
                unit_id: (!own_units.is_empty()).then(|| own_units[dice.below(own_units.len())]),
                rank,
                locale,
                mentor,
                languages: languages.join(","),
                specialties: dice.specialties(if mentor { 3 } else { 2 }),
                capacity: 1 + dice.below(3) as i32,
                years: if hard {
                    25
                } else if mentor {
                    8 + dice.below(22) as i32
                } else {
                    dice.below(10) as i32
                },
                available: !mentor || dice.chance(90),
            });
        }
    }
    out
}

fn mentor_row(
    user_id: Uuid,
    capacity: i32,
    languages: &str,
    specialties: &str,
    years: i32,
    available: bool,
    now: DateTime<Utc>,
) -> mentor_profile::ActiveModel {
    mentor_profile::ActiveModel {
        user_id: Set(user_id),
        capacity: Set(capacity),
        languages: Set(languages.to_owned()),
        specialties: Set(specialties.to_owned()),
        years_in_logistics: Set(years),
        available: Set(available),
        updated_at: Set(now),
    }
}

fn mentee_row(
    user_id: Uuid,
    languages: &str,
    wanted: &str,
    years: i32,
    now: DateTime<Utc>,
) -> mentee_profile::ActiveModel {
    mentee_profile::ActiveModel {
        user_id: Set(user_id),
        specialties_wanted: Set(wanted.to_owned()),
        languages: Set(languages.to_owned()),
        years_in_logistics: Set(years),
        updated_at: Set(now),
    }
}

/// Seeds the demo pool after the demo people; returns how many people it added.
pub(super) async fn seed<C: ConnectionTrait>(
    db: &C,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let nations = nation::Entity::find()
        .order_by_asc(nation::Column::Code)
        .all(db)
        .await?;
    let mut units: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for u in unit::Entity::find()
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
    {
        units.entry(u.nation_id).or_default().push(u.id);
    }
    let mut mentors = vec![];
    let mut mentees = vec![];
    for (username, mentor, capacity, languages, specialties, years) in DEMO {
        let id = demo_id("user", username);
        if mentor {
            mentors.push(mentor_row(
                id,
                capacity,
                languages,
                specialties,
                years,
                true,
                now,
            ));
        } else {
            mentees.push(mentee_row(id, languages, specialties, years, now));
        }
    }
    let people = generate(&nations, &units);
    let mut roles = vec![];
    for p in &people {
        let id = demo_id("user", &p.username);
        insert_record(
            db,
            NewRecord {
                id,
                username: p.username.clone(),
                display_name: p.display_name.clone(),
                email: format!("{}@demo.muster.invalid", p.username),
                nation_id: Some(p.nation_id),
                unit_id: p.unit_id,
                rank: p.rank.clone(),
                preferred_locale: p.locale.code().to_owned(),
                fallback_locales: if p.locale == Locale::En {
                    String::new()
                } else {
                    "en".into()
                },
                password_hash: password_hash.to_owned(),
                must_change_password: false,
            },
            now,
        )
        .await?;
        let role = if p.mentor {
            Role::Mentor
        } else {
            Role::Trainee
        };
        roles.push(user_role::ActiveModel {
            user_id: Set(id),
            role: Set(role.as_str().to_owned()),
            alliance: Set(false),
        });
        if p.mentor {
            mentors.push(mentor_row(
                id,
                p.capacity,
                &p.languages,
                &p.specialties,
                p.years,
                p.available,
                now,
            ));
        } else {
            mentees.push(mentee_row(id, &p.languages, &p.specialties, p.years, now));
        }
    }
    for chunk in roles.chunks(200) {
        user_role::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for chunk in mentors.chunks(200) {
        mentor_profile::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for chunk in mentees.chunks(200) {
        mentee_profile::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        api::mentoring::{AcceptRequest, NewRun, PoolSpec},
        domain::matching::Weights,
        server::{
            seed,
            services::mentoring::{pairings, runs},
            services::users::find_current,
            testing::test_db,
        },
    };

    #[tokio::test]
    async fn the_demo_pool_pairs_across_nations_explains_the_unmatched_and_gives_mentor_deu_a_mentee()
     {
        let db = test_db().await;
        let now = Utc::now();
        seed::demo_with_password(&db.conn, Some("demo password 123".into()), now)
            .await
            .unwrap();
        let officer = find_current(&db.conn, demo_id("user", "officer.pol"))
            .await
            .unwrap()
            .unwrap()
            .actor;
        let input = NewRun {
            pool: PoolSpec::Nation {
                nation_id: demo_id("nation", "POL"),
            },
            weights: Weights::default(),
            min_years_gap: None,
            pins: vec![],
            forbids: vec![],
        };
        let id = runs::create(&db.conn, &officer, input, now).await.unwrap();
        runs::execute(db.conn.clone(), id, Utc::now).await;
        let run = runs::get(&db.conn, &officer, id).await.unwrap();
        assert_eq!(run.status, "done", "{:?}", run.error);
        assert!(run.mentees_in_pool > MENTEES_PER_NATION && run.mentors_in_pool > 70);
        let cross = run
            .proposals
            .iter()
            .filter(|p| p.mentor.nation_code != p.mentee.nation_code)
            .count();
        assert!(cross * 2 > run.proposals.len(), "mostly cross-nation pairs");
        assert!(
            !run.unmatched.is_empty(),
            "some mentees stay unmatched, with reasons"
        );
        assert!(
            run.fairness
                .iter()
                .any(|f| f.group == "nation" && f.mentees > 0)
        );
        let mine = run
            .proposals
            .iter()
            .find(|p| p.mentee.username == "trainee.pol")
            .unwrap();
        assert_eq!(mine.mentor.username, "mentor.deu");
        let report = pairings::accept(
            &db.conn,
            &officer,
            id,
            AcceptRequest {
                pairs: vec![],
                all: true,
            },
            now,
        )
        .await
        .unwrap();
        assert_eq!(report.accepted.len(), run.proposals.len());

        let alliance = find_current(&db.conn, demo_id("user", "officer.alliance"))
            .await
            .unwrap()
            .unwrap()
            .actor;
        let everyone = NewRun {
            pool: PoolSpec::Everyone,
            weights: Weights::default(),
            min_years_gap: None,
            pins: vec![],
            forbids: vec![],
        };
        let id = runs::create(&db.conn, &alliance, everyone, now)
            .await
            .unwrap();
        runs::execute(db.conn.clone(), id, Utc::now).await;
        let run = runs::get(&db.conn, &alliance, id).await.unwrap();
        assert_eq!(run.status, "done", "{:?}", run.error);
        assert!(
            run.unmatched.iter().any(|u| u.reason == "capacity_taken"),
            "an alliance-wide run leaves mentees whose eligible mentors are full"
        );
        db.close().await;
    }
}
