//! Lists of the calendar: filtered lists (list page, timeline, "my exercises", feeds) and the
//! month grid. Only what the reader may see, and only the columns and child rows a list shows.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DerivePartialModel, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{
    calendar::Children,
    lookup::{Lookup, local},
    visibility::{Releasability, Viewer, releasable_row},
};
use crate::{
    api::exercises::{ExerciseFilter, ExerciseSummary, MonthChip, MonthGridView, MonthView},
    domain::policy::Actor,
    error::AppError,
    i18n::Locale,
    server::{
        entities::calendar::{exercise, exercise_translation},
        error::ServiceError,
    },
};

/// Names in `locale` of some exercises that have a translation into it.
async fn names_in<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    locale: Locale,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows = exercise_translation::Entity::find()
            .filter(exercise_translation::Column::ExerciseId.is_in(chunk.iter().copied()))
            .filter(exercise_translation::Column::Locale.eq(locale.code()))
            .all(db)
            .await?;
        out.extend(rows.into_iter().map(|t| (t.exercise_id, t.name)));
    }
    Ok(out)
}

/// The columns a list shows of an exercise (its description and planning details stay behind).
#[derive(DerivePartialModel)]
#[sea_orm(entity = "exercise::Entity")]
struct ListRow {
    id: Uuid,
    code: String,
    kind: String,
    status: String,
    name: String,
    host_base_id: Uuid,
    lead_nation_id: Uuid,
    start_at: DateTime<Utc>,
    end_at: DateTime<Utc>,
    releasable_to_all: bool,
}

releasable_row!(ListRow);

/// The visible rows of a list (names in the reader's locale) and what their summaries name.
struct Selection {
    rows: Vec<ListRow>,
    lookup: Lookup,
    /// Units and participants: of every row when asked for, else only when the filter needs
    /// them (empty otherwise).
    children: Children,
}

/// The exercises matching `filter` that the actor may see, by start. The child rows are read
/// when `with_children` is set or the filter names a unit, a nation or "mine".
async fn select<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &ExerciseFilter,
    locale: Locale,
    with_children: bool,
) -> Result<Selection, ServiceError> {
    let viewer = Viewer::of(actor);
    let mut q = exercise::Entity::find().order_by_asc(exercise::Column::StartAt);
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && to <= from
    {
        return Err(AppError::field("to", "end-before-start").into());
    }
    if let Some(from) = filter.from {
        q = q.filter(exercise::Column::EndAt.gt(from.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(to) = filter.to {
        q = q.filter(exercise::Column::StartAt.lt(to.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(base) = filter.base {
        q = q.filter(exercise::Column::HostBaseId.eq(base));
    }
    if let Some(kind) = filter.kind.as_deref().filter(|k| !k.is_empty()) {
        q = q.filter(exercise::Column::Kind.eq(kind.to_uppercase()));
    }
    if let Some(status) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(exercise::Column::Status.eq(status));
    }
    let with_children =
        with_children || filter.unit.is_some() || filter.nation.is_some() || filter.mine;
    // Independent reads run side by side (each SQLite query waits for a worker thread; the
    // month page's latency is mostly these waits).
    let (lookup, models) =
        tokio::try_join!(Lookup::load_with(db, filter.nation.is_some()), async {
            q.into_partial_model::<ListRow>()
                .all(db)
                .await
                .map_err(ServiceError::from)
        })?;
    let refs: Vec<&ListRow> = models.iter().collect();
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let (rel, children, names) = tokio::try_join!(
        Releasability::load(db, &viewer, &refs),
        async {
            if with_children {
                Children::load(db, &ids).await
            } else {
                Ok(Children::default())
            }
        },
        async {
            if locale == Locale::En {
                Ok(HashMap::new())
            } else {
                names_in(db, &ids, locale).await
            }
        },
    )?;
    let mut rows = Vec::new();
    for mut m in models {
        if !rel.visible(&viewer, &m, &lookup) {
            continue;
        }
        let units: &[(Uuid, i32)] = children.units.get(&m.id).map_or(&[], Vec::as_slice);
        let people: &[Uuid] = children.people.get(&m.id).map_or(&[], Vec::as_slice);
        if let Some(unit) = filter.unit
            && !units.iter().any(|(u, _)| *u == unit)
        {
            continue;
        }
        if let Some(nation) = filter.nation {
            let unit_nation = units
                .iter()
                .any(|(u, _)| lookup.units.get(u).is_some_and(|x| x.nation_id == nation));
            if m.lead_nation_id != nation
                && lookup.base_nation(m.host_base_id) != Some(nation)
                && !unit_nation
            {
                continue;
            }
        }
        if filter.mine {
            let mine = people.contains(&actor.user_id)
                || actor
                    .unit_id
                    .is_some_and(|me| units.iter().any(|(u, _)| *u == me));
            if !mine {
                continue;
            }
        }
        if let Some(name) = names.get(&m.id) {
            m.name.clone_from(name);
        }
        rows.push(m);
    }
    Ok(Selection {
        rows,
        lookup,
        children,
    })
}

/// The exercises matching `filter` that the actor may see, by start.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &ExerciseFilter,
    locale: Locale,
) -> Result<Vec<ExerciseSummary>, ServiceError> {
    let Selection {
        rows,
        lookup,
        children,
    } = select(db, actor, filter, locale, true).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let units: &[(Uuid, i32)] = children.units.get(&m.id).map_or(&[], Vec::as_slice);
            let people = children.people.get(&m.id).map_or(0, Vec::len);
            let zone = lookup.zone(m.host_base_id);
            ExerciseSummary {
                id: m.id,
                host_base_name: lookup.base_name(m.host_base_id),
                lead_nation_code: lookup.nation_code(m.lead_nation_id),
                start_local: local(m.start_at, zone),
                end_local: local(m.end_at, zone),
                unit_ids: units.iter().map(|(u, _)| *u).collect(),
                headcount: units.iter().map(|(_, h)| i64::from(*h)).sum::<i64>()
                    + i64::try_from(people).unwrap_or(0),
                code: m.code,
                name: m.name,
                kind: m.kind,
                status: m.status,
                host_base_id: m.host_base_id,
                lead_nation_id: m.lead_nation_id,
                start_at: m.start_at,
                end_at: m.end_at,
            }
        })
        .collect())
}

/// The first day of `YYYY-MM`, or of the current month.
fn month_start(raw: Option<&str>, now: DateTime<Utc>) -> NaiveDate {
    use chrono::Datelike;
    raw.and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .unwrap_or_else(|| now.date_naive().with_day(1).unwrap_or(now.date_naive()))
}

/// The month a reader asks for: `YYYY-MM` (the current one when absent or malformed), optionally
/// only the exercises of one nation, in the reader's locale.
pub struct MonthQuery {
    pub month: Option<String>,
    pub nation: Option<Uuid>,
    pub locale: Locale,
    pub now: DateTime<Utc>,
}

impl MonthQuery {
    /// The year and month asked for, and the list filter of that month.
    fn filter(&self) -> Result<(i32, u32, ExerciseFilter), ServiceError> {
        use chrono::Datelike;
        let first = month_start(self.month.as_deref(), self.now);
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .ok_or(AppError::field("month", "date"))?;
        let filter = ExerciseFilter {
            from: Some(first),
            to: Some(next),
            nation: self.nation,
            ..ExerciseFilter::default()
        };
        Ok((first.year(), first.month(), filter))
    }
}

/// One month of the calendar with full summaries (the timeline's data).
pub async fn month<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    query: &MonthQuery,
) -> Result<MonthView, ServiceError> {
    let (year, month, filter) = query.filter()?;
    let exercises = list(db, actor, &filter, query.locale).await?;
    Ok(MonthView {
        year,
        month,
        exercises,
    })
}

/// One month of the calendar as the month grid shows it: no units, headcounts or places, so
/// none are read unless the nation filter needs them.
pub async fn month_grid<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    query: &MonthQuery,
) -> Result<MonthGridView, ServiceError> {
    let (year, month, filter) = query.filter()?;
    let selection = select(db, actor, &filter, query.locale, false).await?;
    let exercises = selection
        .rows
        .into_iter()
        .map(|m| {
            let (first_day, last_day) = days_touched(m.start_at, m.end_at);
            MonthChip {
                id: m.id,
                first_day,
                last_day,
                code: m.code,
                name: m.name,
                status: m.status,
            }
        })
        .collect();
    Ok(MonthGridView {
        year,
        month,
        exercises,
    })
}

/// The first and last UTC day that `[start, end)` touches: an exercise ending at midnight does
/// not touch the day that begins then.
fn days_touched(start: DateTime<Utc>, end: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let first = start.date_naive();
    let last = (end - chrono::Duration::nanoseconds(1)).date_naive();
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(raw).map_or_else(|_| Utc::now(), |t| t.with_timezone(&Utc))
    }

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn a_chip_covers_the_days_its_half_open_interval_touches() {
        let touched = |s, e| days_touched(at(s), at(e));
        assert_eq!(
            touched("2031-06-01T06:00:00Z", "2031-06-03T18:00:00Z"),
            (day("2031-06-01"), day("2031-06-03"))
        );
        // ending at midnight: the day that begins then is not touched
        assert_eq!(
            touched("2031-06-01T06:00:00Z", "2031-06-03T00:00:00Z"),
            (day("2031-06-01"), day("2031-06-02"))
        );
        assert_eq!(
            touched("2031-06-01T00:00:00Z", "2031-06-01T00:00:01Z"),
            (day("2031-06-01"), day("2031-06-01"))
        );
    }
}
