//! User accounts: user names in the organisation's domain and temporary passwords
//! (domain.md §7.2). Passwords are never stored: they are shown once or written to the
//! credentials log the user chooses.

use rand::TryRngCore;
use rand::rngs::OsRng;

const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGIT: &[u8] = b"23456789";
const SYMBOL: &[u8] = b"!#$%&*+-=?@_";

/// 16 characters from the operating system's secure random source, with at least one
/// upper-case letter, lower-case letter, digit and symbol (look-alike characters left out).
pub fn temporary_password() -> String {
    let all: Vec<u8> = [UPPER, LOWER, DIGIT, SYMBOL].concat();
    // Bytes at or above the largest multiple of the alphabet's size are skipped, so every
    // character is equally likely; one read from the OS gives enough bytes for a password.
    let limit = 256 - 256 % all.len();
    loop {
        let mut buf = [0u8; 64];
        OsRng
            .unwrap_err()
            .try_fill_bytes(&mut buf)
            .unwrap_or_else(|e| unreachable!("UnwrapErr cannot fail: {e:?}"));
        let p: Vec<u8> = buf
            .iter()
            .filter(|b| usize::from(**b) < limit)
            .take(16)
            .map(|b| all[usize::from(*b) % all.len()])
            .collect();
        if p.len() == 16
            && [UPPER, LOWER, DIGIT, SYMBOL]
                .iter()
                .all(|class| p.iter().any(|c| class.contains(c)))
        {
            return String::from_utf8(p).unwrap_or_else(|_| unreachable!("the alphabet is ASCII"));
        }
    }
}

/// `n` temporary passwords from one read of the OS random source (a bulk import makes
/// 100,000: one system call each would dominate its time). Same rules as [`temporary_password`].
pub fn temporary_passwords(n: usize) -> Vec<String> {
    let all: Vec<u8> = [UPPER, LOWER, DIGIT, SYMBOL].concat();
    let limit = 256 - 256 % all.len();
    let mut buf = vec![0u8; 64 * n];
    OsRng
        .unwrap_err()
        .try_fill_bytes(&mut buf)
        .unwrap_or_else(|e| unreachable!("UnwrapErr cannot fail: {e:?}"));
    buf.chunks(64)
        .map(|chunk| {
            let p: Vec<u8> = chunk
                .iter()
                .filter(|b| usize::from(**b) < limit)
                .take(16)
                .map(|b| all[usize::from(*b) % all.len()])
                .collect();
            let strong = p.len() == 16
                && [UPPER, LOWER, DIGIT, SYMBOL]
                    .iter()
                    .all(|class| p.iter().any(|c| class.contains(c)));
            // A rare chunk without every class: draw that one again on its own.
            if strong {
                String::from_utf8(p).unwrap_or_else(|_| unreachable!("the alphabet is ASCII"))
            } else {
                temporary_password()
            }
        })
        .collect()
}

pub use crate::model::import::make_upn;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn passwords_are_strong_and_differ() {
        let a = temporary_password();
        let b = temporary_password();
        assert_eq!(a.chars().count(), 16);
        assert_ne!(a, b);
        for class in [UPPER, LOWER, DIGIT, SYMBOL] {
            assert!(a.bytes().any(|c| class.contains(&c)), "{a}");
        }
    }

    #[test]
    fn bulk_passwords_are_strong_and_distinct() {
        let p = temporary_passwords(500);
        assert_eq!(p.len(), 500);
        let distinct: HashSet<&String> = p.iter().collect();
        assert_eq!(distinct.len(), 500);
        for pw in &p {
            assert_eq!(pw.len(), 16);
            for class in [UPPER, LOWER, DIGIT, SYMBOL] {
                assert!(pw.bytes().any(|c| class.contains(&c)), "{pw}");
            }
        }
    }

    #[test]
    fn user_names_follow_the_domain_and_stay_unique() {
        assert_eq!(
            make_upn("Anna.Rossi@Contoso.it", Some("contoso.it"), |_| false),
            "anna.rossi@contoso.it"
        );
        assert_eq!(
            make_upn("anna@gmail.com", Some("contoso.it"), |_| false),
            "anna@contoso.it"
        );
        assert_eq!(
            make_upn("anna@gmail.com", None, |_| false),
            "anna@gmail.com"
        );
        let taken: HashSet<String> = [
            "anna@contoso.it".to_string(),
            "anna2@contoso.it".to_string(),
        ]
        .into();
        assert_eq!(
            make_upn("anna@x.it", Some("contoso.it"), |u| taken.contains(u)),
            "anna3@contoso.it"
        );
    }
}
