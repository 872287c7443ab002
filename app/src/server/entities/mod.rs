//! sea-orm entities, one per table. They never leave `server/`: services map them to DTOs.

pub mod api_token;
pub mod audit_head;
pub mod audit_log;
pub mod base;
pub mod calendar;
pub mod completion;
pub mod content_text;
pub mod curriculum;
pub mod enrolment;
pub mod form_draft;
pub mod mentee_profile;
pub mod mentor_profile;
pub mod mentoring_checkin;
pub mod mentoring_pairing;
pub mod mentoring_run;
pub mod module;
pub mod module_prerequisite;
pub mod nation;
pub mod quiz_attempt;
pub mod quiz_choice;
pub mod quiz_question;
pub mod session;
pub mod unit;
pub mod user;
pub mod user_role;
