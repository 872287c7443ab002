//! Who may do what: pure authorization rules (role × action × scope), called by every service.
//! Pages and server functions never decide access themselves. Pure: no database, no Leptos.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A role a person holds. A person can hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Trainee,
    Mentor,
    TrainingOfficer,
    Commander,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Trainee,
        Role::Mentor,
        Role::TrainingOfficer,
        Role::Commander,
        Role::Admin,
    ];

    /// The stored and wire name, e.g. `training_officer`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Trainee => "trainee",
            Role::Mentor => "mentor",
            Role::TrainingOfficer => "training_officer",
            Role::Commander => "commander",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A role held by a person, either within their own nation / unit subtree (the default) or,
/// when granted explicitly, across the whole alliance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub alliance: bool,
}

/// The person acting, as the session establishes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: Uuid,
    /// For the audit trail's "who".
    pub username: String,
    pub nation_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub grants: Vec<Grant>,
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    pub fn has_alliance(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role && g.alliance)
    }
}

/// What an action touches: whose record, in which nation and unit subtree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// The nation the target belongs to; `None` for alliance-level things (e.g. the list of
    /// nations itself).
    pub nation_id: Option<Uuid>,
    /// The target's unit and every unit above it, nearest first.
    pub unit_chain: Vec<Uuid>,
    /// The person the target belongs to, if it is a person's record.
    pub person_id: Option<Uuid>,
    /// Whether the actor is in a mentoring relation with that person (mentor or mentee).
    pub related: bool,
}

impl Scope {
    /// Something that belongs to the alliance as a whole.
    pub fn alliance() -> Self {
        Self::default()
    }

    /// Something that belongs to `nation`.
    pub fn nation(nation: Uuid) -> Self {
        Self {
            nation_id: Some(nation),
            ..Self::default()
        }
    }

    /// A unit (or something held by it), given its chain up to the root.
    pub fn unit(nation: Uuid, unit_chain: Vec<Uuid>) -> Self {
        Self {
            nation_id: Some(nation),
            unit_chain,
            ..Self::default()
        }
    }

    /// A person's record.
    pub fn person(
        person: Uuid,
        nation: Option<Uuid>,
        unit_chain: Vec<Uuid>,
        related: bool,
    ) -> Self {
        Self {
            nation_id: nation,
            unit_chain,
            person_id: Some(person),
            related,
        }
    }
}

/// Everything the application lets someone do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Create or rename nations (alliance-level).
    ManageNations,
    /// Create and edit bases and units of a nation.
    ManageOrganisation,
    /// Create and edit people of a nation, their roles within the nation, disable them, reset
    /// their passwords.
    ManageUsers,
    /// Grant the admin role or alliance scope.
    ManageAdministrators,
    /// Browse and verify the audit trail.
    ViewAudit,
    /// See a person's profile and training record.
    ViewPerson,
    /// Plan, edit and approve exercises led by a nation; manage its blackout periods.
    PlanExercises,
    /// Rate exercise objectives per participating unit after an exercise.
    RateExercises,
    /// Write curricula, modules and translations.
    AuthorContent,
    /// Enrol people or units in a curriculum.
    AssignCurricula,
    /// See training progress of people and units.
    ViewProgress,
    /// Run mentor matching over a pool and accept proposals.
    RunMatching,
    /// Log a check-in on a mentoring pairing.
    LogCheckins,
    /// See readiness figures and their evidence.
    ViewReadiness,
    /// Record an assessed readiness level.
    AssessReadiness,
}

impl Action {
    pub const ALL: [Action; 15] = [
        Action::ManageNations,
        Action::ManageOrganisation,
        Action::ManageUsers,
        Action::ManageAdministrators,
        Action::ViewAudit,
        Action::ViewPerson,
        Action::PlanExercises,
        Action::RateExercises,
        Action::AuthorContent,
        Action::AssignCurricula,
        Action::ViewProgress,
        Action::RunMatching,
        Action::LogCheckins,
        Action::ViewReadiness,
        Action::AssessReadiness,
    ];

    /// The roles that may perform the action at all (scope decides the rest).
    fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::ManageNations | Action::ManageAdministrators | Action::ViewAudit => &[Admin],
            Action::ManageOrganisation | Action::ManageUsers => &[Admin],
            Action::ViewPerson => &[Trainee, Mentor, TrainingOfficer, Commander, Admin],
            Action::PlanExercises | Action::RateExercises | Action::AuthorContent => {
                &[TrainingOfficer]
            }
            Action::RunMatching => &[TrainingOfficer],
            Action::AssignCurricula | Action::ViewProgress => {
                &[TrainingOfficer, Commander, Trainee, Mentor]
            }
            Action::LogCheckins => &[Trainee, Mentor],
            Action::ViewReadiness => &[Commander, TrainingOfficer],
            Action::AssessReadiness => &[Commander],
        }
    }

    /// Actions that only an alliance-scoped grant may perform.
    fn alliance_only(self) -> bool {
        matches!(
            self,
            Action::ManageNations | Action::ManageAdministrators | Action::ViewAudit
        )
    }
}

/// Whether one grant reaches `scope`: alliance grants reach everything; otherwise admins and
/// training officers reach their nation, commanders their unit's subtree, trainees and mentors
/// themselves and the people they mentor or are mentored by.
fn reaches(grant: Grant, actor: &Actor, scope: &Scope) -> bool {
    if grant.alliance {
        return true;
    }
    let own_record = scope.person_id.is_some_and(|p| p == actor.user_id);
    match grant.role {
        Role::Admin | Role::TrainingOfficer => {
            scope.nation_id.is_some() && scope.nation_id == actor.nation_id
        }
        Role::Commander => actor.unit_id.is_some_and(|u| scope.unit_chain.contains(&u)),
        Role::Trainee | Role::Mentor => own_record || (scope.person_id.is_some() && scope.related),
    }
}

/// Whether `actor` may perform `action` on `scope`.
pub fn allows(actor: &Actor, action: Action, scope: &Scope) -> bool {
    // Everyone may see their own profile and record.
    if action == Action::ViewPerson && scope.person_id == Some(actor.user_id) {
        return true;
    }
    // Self-service actions a trainee or mentor takes on their own record only.
    let self_only_for_people = matches!(action, Action::AssignCurricula);
    actor.grants.iter().any(|g| {
        if !action.roles().contains(&g.role) {
            return false;
        }
        if action.alliance_only() && !g.alliance {
            return false;
        }
        if self_only_for_people && matches!(g.role, Role::Trainee | Role::Mentor) {
            return scope.person_id == Some(actor.user_id);
        }
        reaches(*g, actor, scope)
    })
}

/// `Ok(())` when allowed, else the error a service returns.
pub fn require(actor: &Actor, action: Action, scope: &Scope) -> Result<(), crate::error::AppError> {
    if allows(actor, action, scope) {
        Ok(())
    } else {
        Err(crate::error::AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The world every case is judged in: two nations; in nation A a unit tree
    // brigade → battalion → company, and a separate regiment.
    const NATION_A: Uuid = Uuid::from_u128(0xA);
    const NATION_B: Uuid = Uuid::from_u128(0xB);
    const BRIGADE: Uuid = Uuid::from_u128(0x10);
    const BATTALION: Uuid = Uuid::from_u128(0x11);
    const COMPANY: Uuid = Uuid::from_u128(0x12);
    const REGIMENT: Uuid = Uuid::from_u128(0x20);
    const B_UNIT: Uuid = Uuid::from_u128(0x30);
    const ME: Uuid = Uuid::from_u128(0x100);
    const MY_MENTEE: Uuid = Uuid::from_u128(0x101);
    const STRANGER: Uuid = Uuid::from_u128(0x102);

    /// The places a target can sit relative to an actor who belongs to nation A, battalion.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Where {
        MyOwnRecord,
        MyMenteeInMyUnit,
        StrangerBelowMyUnit,
        StrangerAboveMyUnit,
        StrangerOtherUnitSameNation,
        StrangerOtherNation,
        NationLevelSameNation,
        NationLevelOtherNation,
        AllianceLevel,
    }
    use Where::*;
    const ALL_WHERE: [Where; 9] = [
        MyOwnRecord,
        MyMenteeInMyUnit,
        StrangerBelowMyUnit,
        StrangerAboveMyUnit,
        StrangerOtherUnitSameNation,
        StrangerOtherNation,
        NationLevelSameNation,
        NationLevelOtherNation,
        AllianceLevel,
    ];

    fn scope(w: Where) -> Scope {
        match w {
            MyOwnRecord => Scope::person(ME, Some(NATION_A), vec![BATTALION, BRIGADE], false),
            MyMenteeInMyUnit => {
                Scope::person(MY_MENTEE, Some(NATION_A), vec![BATTALION, BRIGADE], true)
            }
            StrangerBelowMyUnit => Scope::person(
                STRANGER,
                Some(NATION_A),
                vec![COMPANY, BATTALION, BRIGADE],
                false,
            ),
            StrangerAboveMyUnit => Scope::person(STRANGER, Some(NATION_A), vec![BRIGADE], false),
            StrangerOtherUnitSameNation => {
                Scope::person(STRANGER, Some(NATION_A), vec![REGIMENT], false)
            }
            StrangerOtherNation => Scope::person(STRANGER, Some(NATION_B), vec![B_UNIT], false),
            NationLevelSameNation => Scope::nation(NATION_A),
            NationLevelOtherNation => Scope::nation(NATION_B),
            AllianceLevel => Scope::alliance(),
        }
    }

    fn actor(role: Role, alliance: bool) -> Actor {
        Actor {
            user_id: ME,
            username: "me".into(),
            nation_id: Some(NATION_A),
            unit_id: Some(BATTALION),
            grants: vec![Grant { role, alliance }],
        }
    }

    /// The specification, written out: for a single grant, where an action is allowed.
    /// Everything not listed is denied.
    fn expected(role: Role, alliance: bool, action: Action) -> &'static [Where] {
        use Action as A;
        use Role as R;
        const SELF_AND_MENTEE: &[Where] = &[MyOwnRecord, MyMenteeInMyUnit];
        const SUBTREE: &[Where] = &[MyOwnRecord, MyMenteeInMyUnit, StrangerBelowMyUnit];
        const NATION: &[Where] = &[
            MyOwnRecord,
            MyMenteeInMyUnit,
            StrangerBelowMyUnit,
            StrangerAboveMyUnit,
            StrangerOtherUnitSameNation,
            NationLevelSameNation,
        ];
        const EVERYWHERE: &[Where] = &ALL_WHERE;
        const ONLY_SELF: &[Where] = &[MyOwnRecord];
        match (role, alliance, action) {
            // anyone sees their own record
            (_, false, A::ViewPerson) if matches!(role, R::Trainee | R::Mentor) => SELF_AND_MENTEE,
            (R::Commander, false, A::ViewPerson) => SUBTREE,
            (R::TrainingOfficer | R::Admin, false, A::ViewPerson) => NATION,
            (_, true, A::ViewPerson) => EVERYWHERE,

            (R::Admin, true, A::ManageNations | A::ManageAdministrators | A::ViewAudit) => {
                EVERYWHERE
            }
            (R::Admin, true, A::ManageOrganisation | A::ManageUsers) => EVERYWHERE,
            (R::Admin, false, A::ManageOrganisation | A::ManageUsers) => NATION,

            (
                R::TrainingOfficer,
                false,
                A::PlanExercises | A::RateExercises | A::AuthorContent | A::RunMatching,
            ) => NATION,
            (
                R::TrainingOfficer,
                true,
                A::PlanExercises | A::RateExercises | A::AuthorContent | A::RunMatching,
            ) => EVERYWHERE,
            (
                R::TrainingOfficer,
                false,
                A::AssignCurricula | A::ViewProgress | A::ViewReadiness,
            ) => NATION,
            (R::TrainingOfficer, true, A::AssignCurricula | A::ViewProgress | A::ViewReadiness) => {
                EVERYWHERE
            }

            (
                R::Commander,
                false,
                A::AssignCurricula | A::ViewProgress | A::ViewReadiness | A::AssessReadiness,
            ) => SUBTREE,
            (
                R::Commander,
                true,
                A::AssignCurricula | A::ViewProgress | A::ViewReadiness | A::AssessReadiness,
            ) => EVERYWHERE,

            // trainees and mentors enrol only themselves; see their own and their mentoring
            // partner's progress; log check-ins on their own pairings
            (R::Trainee | R::Mentor, _, A::AssignCurricula) => ONLY_SELF,
            (R::Trainee | R::Mentor, false, A::ViewProgress | A::LogCheckins) => SELF_AND_MENTEE,
            (R::Trainee | R::Mentor, true, A::ViewProgress | A::LogCheckins) => EVERYWHERE,
            _ => &[],
        }
    }

    #[test]
    fn the_policy_table_holds_for_every_role_action_and_scope() {
        let mut checked = 0;
        for role in Role::ALL {
            for alliance in [false, true] {
                let a = actor(role, alliance);
                for action in Action::ALL {
                    let allowed_in = expected(role, alliance, action);
                    for w in ALL_WHERE {
                        let want = allowed_in.contains(&w);
                        assert_eq!(
                            allows(&a, action, &scope(w)),
                            want,
                            "{role:?} (alliance: {alliance}) {action:?} on {w:?}: expected {}",
                            if want { "allowed" } else { "denied" }
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 5 * 2 * 15 * 9);
    }

    #[test]
    fn a_person_without_roles_sees_only_their_own_record() {
        let nobody = Actor {
            user_id: ME,
            username: "nobody".into(),
            nation_id: Some(NATION_A),
            unit_id: Some(BATTALION),
            grants: vec![],
        };
        for action in Action::ALL {
            for w in ALL_WHERE {
                let want = action == Action::ViewPerson && w == MyOwnRecord;
                assert_eq!(
                    allows(&nobody, action, &scope(w)),
                    want,
                    "{action:?} on {w:?}"
                );
            }
        }
    }

    #[test]
    fn several_roles_add_up() {
        let both = Actor {
            grants: vec![
                Grant {
                    role: Role::Commander,
                    alliance: false,
                },
                Grant {
                    role: Role::Mentor,
                    alliance: false,
                },
            ],
            ..actor(Role::Trainee, false)
        };
        assert!(allows(
            &both,
            Action::AssessReadiness,
            &scope(StrangerBelowMyUnit)
        ));
        assert!(allows(&both, Action::LogCheckins, &scope(MyMenteeInMyUnit)));
        assert!(!allows(
            &both,
            Action::AssessReadiness,
            &scope(StrangerOtherUnitSameNation)
        ));
    }

    #[test]
    fn a_nation_scoped_actor_without_a_nation_reaches_nothing_national() {
        let stateless = Actor {
            nation_id: None,
            unit_id: None,
            ..actor(Role::Admin, false)
        };
        assert!(!allows(
            &stateless,
            Action::ManageUsers,
            &scope(NationLevelSameNation)
        ));
        assert!(!allows(&stateless, Action::ManageUsers, &Scope::alliance()));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("general"), None);
    }
}
