//! Training titles mapped to the catalog's credentials (domain.md §8.1, designations.md §4.4).

use crate::model::{Catalog, Sym};
use rustc_hash::FxHashMap as HashMap;

/// An exam number in a title (`70-533` in "Exam 70-533: …") that the catalog knows.
fn exam_number(title: &str, catalog: &HashMap<String, usize>) -> Option<Sym> {
    let upper = title.to_uppercase();
    let b = upper.as_bytes();
    for prefix in ["MB2-", "MB6-", "70-", "74-", "MB-", "PL-"] {
        let mut from = 0;
        while let Some(pos) = upper[from..].find(prefix) {
            let start = from + pos;
            let end = start + prefix.len() + 3;
            let before_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
            let digits_ok =
                end <= b.len() && b[start + prefix.len()..end].iter().all(u8::is_ascii_digit);
            let after_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
            if before_ok && digits_ok && after_ok {
                let id = &upper[start..end];
                if let Some(real) = catalog.keys().find(|k| k.eq_ignore_ascii_case(id)) {
                    return Some(Sym::new(real));
                }
            }
            from = start + 1;
        }
    }
    None
}

/// Titles compared case-insensitively with white space and dashes normalised.
fn normalise(title: &str) -> String {
    let dashed: String = title
        .chars()
        .map(|c| {
            if matches!(c, '–' | '—' | '‐' | '-') {
                '-'
            } else {
                c
            }
        })
        .collect();
    dashed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The prefixes a certification's printed name may carry (designations.md §2.3); compared
/// without them.
const CERTIFIED: [&str; 3] = [
    "microsoft certified: ",
    "microsoft 365 certified: ",
    "github certified: ",
];

/// A certification title normalised without its "Microsoft Certified: " prefix.
fn certification_title(title: &str) -> String {
    let t = normalise(title);
    CERTIFIED
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t.clone(), |rest| rest.trim().to_string())
}

/// The credential a training title stands for: exam number, else exactly one title or alias;
/// a certification or assessment row also by a designation credential's title (§4.4).
pub struct TitleMap {
    ids: HashMap<String, usize>,
    titles: HashMap<String, Vec<Sym>>,
    certifications: HashMap<String, Vec<Sym>>,
    /// Each title as the file writes it, mapped once: an export of 100,000 rows repeats a few
    /// hundred titles, and normalising each row's cost a tenth of reading the file.
    /// (training titles, certification titles).
    memo: std::cell::RefCell<[HashMap<String, Option<Sym>>; 2]>,
}

impl TitleMap {
    pub fn new(catalog: &Catalog) -> Self {
        let mut titles: HashMap<String, Vec<Sym>> = HashMap::default();
        for c in &catalog.credentials {
            let id = Sym::new(&c.id);
            for t in std::iter::once(&c.title).chain(&c.aliases) {
                let list = titles.entry(normalise(t)).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        let mut certifications: HashMap<String, Vec<Sym>> = HashMap::default();
        for c in catalog.designations.iter().flat_map(|d| &d.credentials) {
            let id = Sym::new(&c.id);
            for t in std::iter::once(&c.title).chain(&c.aliases) {
                let list = certifications.entry(certification_title(t)).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        TitleMap {
            certifications,
            ids: catalog
                .credentials
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
            titles,
            memo: Default::default(),
        }
    }

    pub fn map(&self, title: &str) -> Option<Sym> {
        self.remembered(title, false, || {
            exam_number(title, &self.ids).or_else(|| match self.titles.get(&normalise(title)) {
                Some(ids) if ids.len() == 1 => Some(ids[0]),
                _ => None,
            })
        })
    }

    /// A certification or assessment row's credential among the designations' (exactly one
    /// title or alias, prefixes removed on both sides).
    pub fn certification(&self, title: &str) -> Option<Sym> {
        self.remembered(title, true, || {
            match self.certifications.get(&certification_title(title)) {
                Some(ids) if ids.len() == 1 => Some(ids[0]),
                _ => None,
            }
        })
    }

    fn remembered(
        &self,
        title: &str,
        certification: bool,
        find: impl FnOnce() -> Option<Sym>,
    ) -> Option<Sym> {
        let mut memo = self.memo.borrow_mut();
        let memo = &mut memo[usize::from(certification)];
        if let Some(found) = memo.get(title) {
            return *found;
        }
        let found = find();
        memo.insert(title.to_string(), found);
        found
    }
}
