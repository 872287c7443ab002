//! Validation of free text that people type into forms.

use crate::error::FieldError;

/// A trimmed, non-empty name of at most `max` characters, or the field error saying why not.
pub fn name(field: &str, raw: &str, max: usize) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    if trimmed.chars().count() > max {
        return Err(FieldError::new(field, "too-long"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(FieldError::new(field, "invalid-characters"));
    }
    Ok(trimmed.to_owned())
}

/// Password length bounds, in characters.
pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// A new password: 12 to 128 characters (any characters; length is what makes it strong).
pub fn password(field: &str, raw: &str) -> Result<(), FieldError> {
    let n = raw.chars().count();
    if n < PASSWORD_MIN {
        Err(FieldError::new(field, "password-too-short"))
    } else if n > PASSWORD_MAX {
        Err(FieldError::new(field, "password-too-long"))
    } else {
        Ok(())
    }
}

/// A username: 3 to 64 of `a-z 0-9 . _ -`, stored lower-case.
pub fn username(raw: &str) -> Result<String, FieldError> {
    let u = raw.trim().to_lowercase();
    let ok_chars = u
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if u.is_empty() {
        Err(FieldError::new("username", "required"))
    } else if !(3..=64).contains(&u.len()) || !ok_chars {
        Err(FieldError::new("username", "username"))
    } else {
        Ok(u)
    }
}

/// An e-mail address: one `@` with text on both sides, a dot in the domain, no spaces.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let e = raw.trim();
    let valid = e.len() <= 254
        && !e.chars().any(char::is_whitespace)
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if e.is_empty() {
        Err(FieldError::new("email", "required"))
    } else if valid {
        Ok(e.to_owned())
    } else {
        Err(FieldError::new("email", "email"))
    }
}

/// Collects field results: all values when every field is valid, else every field error.
pub fn collect_errors(errors: impl IntoIterator<Item = Option<FieldError>>) -> Vec<FieldError> {
    errors.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("n", "  Alpha  ", 10), Ok("Alpha".to_owned()));
        assert_eq!(
            name("n", "   ", 10).map_err(|e| e.code),
            Err("required".to_owned())
        );
        assert_eq!(
            name("n", "abcdefghijk", 10).map_err(|e| e.code),
            Err("too-long".to_owned())
        );
        assert_eq!(
            name("n", "a\u{0}b", 10).map_err(|e| e.code),
            Err("invalid-characters".to_owned())
        );
        // length counts characters, not bytes
        assert!(name("n", "Житомир", 7).is_ok());
    }

    #[test]
    fn passwords_must_have_twelve_to_128_characters() {
        assert_eq!(
            password("p", "short").map_err(|e| e.code),
            Err("password-too-short".into())
        );
        assert!(password("p", "twelve chars").is_ok());
        assert!(
            password("p", "ąęćłńóśźżąęć").is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            password("p", &"x".repeat(129)).map_err(|e| e.code),
            Err("password-too-long".into())
        );
        assert!(password("p", &"x".repeat(128)).is_ok());
    }

    #[test]
    fn usernames_are_lower_case_and_plain() {
        assert_eq!(username(" Anna.Kowalska "), Ok("anna.kowalska".into()));
        assert!(username("ab").is_err());
        assert!(username("anna kowalska").is_err());
        assert!(username("anna@x").is_err());
        assert_eq!(username("").map_err(|e| e.code), Err("required".into()));
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(email("a.b@mil.pl").is_ok());
        assert!(email("a@b").is_err());
        assert!(email("@mil.pl").is_err());
        assert!(email("a b@mil.pl").is_err());
        assert!(email("a@@mil.pl").is_err());
    }
}
