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
}
