//! Interned short strings (credential ids, achievement sources). An achievement holds 2
//! bytes for each instead of a 24-byte `String` and its heap copy: 100,000 employees hold
//! about 2 million achievements. Interned text lives as long as the process; it is the
//! catalog's ids and the few sources and unknown ids that files bring.

use std::num::NonZeroU16;
use std::sync::{LazyLock, Mutex, PoisonError};

/// A string interned once for the whole process; copying and comparing it are free.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU16);

struct Table {
    /// Append-only, read without a lock.
    text: boxcar::Vec<&'static str>,
    index: Mutex<rustc_hash::FxHashMap<&'static str, Sym>>,
}

/// What [`Sym::new`] gives once the table is full: only a file of tens of thousands of made-up
/// ids gets there, and loading such a file fails on them first (see `Deserialize`).
const FULL: &str = "?";

static TABLE: LazyLock<Table> = LazyLock::new(|| Table {
    text: boxcar::Vec::new(),
    index: Mutex::new(Default::default()),
});

impl Sym {
    pub fn new(s: &str) -> Sym {
        Sym::try_new(s)
            .or_else(|| Sym::try_new(FULL))
            .unwrap_or(Sym(NonZeroU16::MIN))
    }

    /// `None` when 65,535 distinct strings are interned already.
    pub fn try_new(s: &str) -> Option<Sym> {
        // Each thread remembers what it interned: two threads reading one org file's halves
        // asked the shared table for 2 million ids, and waited on each other's lock.
        thread_local! {
            static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, Sym>> =
                Default::default();
        }
        if let Some(sym) = SEEN.with_borrow(|seen| seen.get(s).copied()) {
            return Some(sym);
        }
        let sym = Sym::shared(s)?;
        SEEN.with_borrow_mut(|seen| seen.insert(sym.as_str(), sym));
        Some(sym)
    }

    /// Interns `s` in the table all threads share.
    fn shared(s: &str) -> Option<Sym> {
        // A panic elsewhere cannot leave the map half-updated: inserts are single calls.
        let mut index = TABLE.index.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sym) = index.get(s) {
            return Some(*sym);
        }
        // Keeps a slot for FULL.
        if TABLE.text.count() + 1 >= usize::from(u16::MAX) && s != FULL {
            return None;
        }
        let text: &'static str = Box::leak(s.into());
        // Pushed under the lock, so positions are handed out in order, from 0.
        let at = TABLE.text.push(text);
        let sym = Sym(NonZeroU16::new(u16::try_from(at + 1).ok()?)?);
        index.insert(text, sym);
        Some(sym)
    }

    /// A small number of its own (1, 2, …, in interning order): tables indexed by symbol.
    pub fn index(self) -> usize {
        usize::from(self.0.get())
    }

    pub fn as_str(&self) -> &'static str {
        TABLE
            .text
            .get(usize::from(self.0.get()) - 1)
            .copied()
            .unwrap_or_default()
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Sym {
    fn default() -> Self {
        Sym::new("")
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Self {
        Sym::new(s)
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Self {
        Sym::new(&s)
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Self {
        Sym::new(s)
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> Self {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == other.as_str()
    }
}

/// Alphabetical, like the strings.
impl Ord for Sym {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Sym {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, not a `Cow<str>`: serde's `Cow` always copies, once per achievement.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Sym;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Sym, E> {
                Sym::try_new(s).ok_or_else(|| {
                    E::custom("more than 65,535 distinct credential ids and sources")
                })
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::Sym;

    #[test]
    fn equal_text_is_one_symbol_and_reads_back() {
        let a = Sym::new("70-533");
        assert_eq!(a, Sym::from(String::from("70-533")));
        assert_ne!(a, Sym::new("70-534"));
        assert_eq!(a.as_str(), "70-533");
        assert!(Sym::new("AZ-104") < Sym::new("AZ-900"));
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 2);
        assert_eq!(std::mem::size_of::<crate::model::Achievement>(), 24);
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(json, "\"70-533\"");
        assert_eq!(serde_json::from_str::<Sym>(&json).ok(), Some(a));
    }
}
