//! The small reference tables the calendar names things from (nations, bases, units), loaded
//! once per request, and the conversion between instants and a base's wall-clock time.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::server::{
    entities::{base, nation, unit, user},
    error::ServiceError,
};

/// The wall-clock format of forms and views.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// Nations, bases and units by id.
pub struct Lookup {
    pub nations: HashMap<Uuid, nation::Model>,
    pub bases: HashMap<Uuid, base::Model>,
    pub units: HashMap<Uuid, unit::Model>,
}

impl Lookup {
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Self, ServiceError> {
        Self::load_with(db, true).await
    }

    /// Nations and bases, and the units only when `units` is set: a list that does not filter
    /// by nation never looks a unit up, and units are the largest of the three tables.
    pub async fn load_with<C: ConnectionTrait>(db: &C, units: bool) -> Result<Self, ServiceError> {
        let (nations, bases, units) = tokio::try_join!(
            nation::Entity::find().all(db),
            base::Entity::find().all(db),
            async {
                if units {
                    unit::Entity::find().all(db).await
                } else {
                    Ok(vec![])
                }
            },
        )?;
        Ok(Self {
            nations: nations.into_iter().map(|n| (n.id, n)).collect(),
            bases: bases.into_iter().map(|b| (b.id, b)).collect(),
            units: units.into_iter().map(|u| (u.id, u)).collect(),
        })
    }

    pub fn base_nation(&self, base: Uuid) -> Option<Uuid> {
        self.bases.get(&base).map(|b| b.nation_id)
    }

    pub fn base_name(&self, base: Uuid) -> String {
        self.bases
            .get(&base)
            .map(|b| b.name.clone())
            .unwrap_or_default()
    }

    pub fn nation_code(&self, nation: Uuid) -> String {
        self.nations
            .get(&nation)
            .map(|n| n.code.clone())
            .unwrap_or_default()
    }

    pub fn unit_name(&self, unit: Uuid) -> String {
        self.units
            .get(&unit)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    /// The time zone of a base (UTC when unknown or malformed).
    pub fn zone(&self, base: Uuid) -> Tz {
        self.bases
            .get(&base)
            .and_then(|b| b.time_zone.parse().ok())
            .unwrap_or(Tz::UTC)
    }

    /// Every base's capacity, for the conflict rules.
    pub fn capacities(&self) -> HashMap<Uuid, u32> {
        self.bases
            .values()
            .map(|b| (b.id, u32::try_from(b.capacity).unwrap_or(0)))
            .collect()
    }
}

/// `at` as wall-clock time in `zone`.
pub fn local(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format(LOCAL_FORMAT).to_string()
}

/// Why a wall-clock time could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalError {
    Malformed,
    /// Skipped by a daylight-saving change.
    Nonexistent,
}

/// A wall-clock time in `zone` as an instant. An ambiguous time (clocks going back) is the
/// earlier of the two.
pub fn from_local(raw: &str, zone: Tz) -> Result<DateTime<Utc>, LocalError> {
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| LocalError::Malformed)?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(LocalError::Nonexistent)
}

/// Display names of some people.
pub async fn people<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, user::Model>, ServiceError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| (u.id, u)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_times_round_trip_through_a_base_time_zone() {
        let warsaw: Tz = "Europe/Warsaw".parse().unwrap_or(Tz::UTC);
        let t = from_local("2031-07-01T08:30", warsaw).unwrap_or_default();
        assert_eq!(t.to_rfc3339(), "2031-07-01T06:30:00+00:00");
        assert_eq!(local(t, warsaw), "2031-07-01T08:30");
        // 02:30 on the last Sunday of March does not exist in Warsaw.
        assert_eq!(
            from_local("2031-03-30T02:30", warsaw),
            Err(LocalError::Nonexistent)
        );
        assert_eq!(from_local("soon", warsaw), Err(LocalError::Malformed));
    }
}
