//! The individuals of an achievements file: one per MCPID, else per address, with every
//! address and the first name seen.

use super::Individual;
use crate::model::Instant;
use crate::model::import::lower;
use rustc_hash::FxHashMap as HashMap;

pub(in crate::io) struct People {
    list: Vec<Individual>,
    /// What each row reads and writes of its individual, apart from `list`: 24 bytes an
    /// individual rather than 136, so 20,000 of them stay in the processor's cache.
    hot: Vec<Hot>,
    /// By MCPID: as a number (an MCPID is one), so a row's lookup compares no text ...
    by_number: HashMap<u64, usize>,
    /// ... else as written (leading zeros, letters).
    by_mcpid: HashMap<String, usize>,
    /// Individuals without an MCPID, by their first email in lower case.
    by_email: HashMap<String, usize>,
}

struct Hot {
    /// A hash of the addresses of the individual's last row, as written. A person's rows
    /// nearly always repeat them, and comparing them with the addresses kept (text
    /// elsewhere in memory) cost a tenth of reading a 100,000-row export.
    emails: u64,
    /// Whether the individual has a name yet.
    named: bool,
    first_completion: Instant,
}

/// An MCPID that is a plain number, without leading zeros (so its text is its number's).
fn mcpid_number(mcpid: &str) -> Option<u64> {
    let b = mcpid.as_bytes();
    (!b.is_empty() && b.len() <= 19 && b[0] != b'0' && b.iter().all(u8::is_ascii_digit))
        .then(|| mcpid.parse().ok())
        .flatten()
}

impl People {
    pub(in crate::io) fn new() -> Self {
        People {
            list: Vec::new(),
            by_number: HashMap::default(),
            by_mcpid: HashMap::default(),
            by_email: HashMap::default(),
            hot: Vec::new(),
        }
    }

    /// The individuals, in the order first seen.
    pub(in crate::io) fn into_list(mut self) -> Vec<Individual> {
        for (p, hot) in self.list.iter_mut().zip(&self.hot) {
            p.first_completion = hot.first_completion;
        }
        self.list
    }

    /// The individual of a row: by MCPID, else by email (case-insensitive).
    pub(in crate::io) fn of(
        &mut self,
        mcpid: &str,
        emails: &[&str],
        first: &str,
        last: &str,
        when: Instant,
    ) -> usize {
        let number = mcpid_number(mcpid);
        let known = match number {
            Some(n) => self.by_number.get(&n),
            None if mcpid.is_empty() => self
                .by_email
                .get(lower(emails.first().copied().unwrap_or_default()).as_ref()),
            None => self.by_mcpid.get(mcpid),
        };
        let seen_emails = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, emails);
        let i = match known {
            Some(&i) => {
                let hot = &mut self.hot[i];
                hot.first_completion = hot.first_completion.min(when);
                // Nothing new in this row: the same addresses, and a name known or not given.
                let unnamed_row = first.is_empty() && last.is_empty();
                if hot.emails == seen_emails && (hot.named || unnamed_row) {
                    return i;
                }
                i
            }
            None => {
                let at = self.list.len();
                match number {
                    Some(n) => self.by_number.insert(n, at),
                    None if mcpid.is_empty() => {
                        let email = lower(emails.first().copied().unwrap_or_default());
                        self.by_email.insert(email.into_owned(), at)
                    }
                    None => self.by_mcpid.insert(mcpid.to_string(), at),
                };
                self.hot.push(Hot {
                    emails: 0,
                    named: false,
                    first_completion: when,
                });
                self.list.push(Individual {
                    mcpid: Some(mcpid.to_string()).filter(|m| !m.is_empty()),
                    emails: Vec::new(),
                    first_name: String::new(),
                    last_name: String::new(),
                    first_completion: when,
                });
                self.list.len() - 1
            }
        };
        let p = &mut self.list[i];
        for e in emails.iter().map(|e| lower(e)) {
            if !e.is_empty() && !p.emails.iter().any(|known| *known == *e) {
                p.emails.push(e.into_owned());
            }
        }
        if p.first_name.is_empty() && p.last_name.is_empty() {
            p.first_name = first.to_string();
            p.last_name = last.to_string();
        }
        self.hot[i] = Hot {
            emails: seen_emails,
            named: !(p.first_name.is_empty() && p.last_name.is_empty()),
            first_completion: self.hot[i].first_completion,
        };
        i
    }
}
