//! A quick reader for the RON that org files are written in, about ten times faster than the
//! `ron` crate's on a 100,000-person file: one pass over the bytes, strings borrowed from the
//! text, no position bookkeeping.
//!
//! It takes a strict subset of RON (what attain writes and the contract prints: structs,
//! lists, maps, strings with simple escapes, numbers, identifiers, `Some`/`None` or a bare
//! optional value, `//` and `/* */` comments) and gives up on anything else, without saying
//! why: the caller then reads the file again with the `ron` crate, which accepts or refuses it
//! and says where. So a file reads the same either way, only faster when it can.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use std::fmt;

/// The value `src` holds, or `None` when this reader does not take it (the `ron` crate decides).
pub fn from_str<T: DeserializeOwned>(src: &str) -> Option<T> {
    let mut de = De::new(src, 0);
    let v = T::deserialize(&mut de).ok()?;
    de.ws().ok()?;
    (de.pos == de.s.len()).then_some(v)
}

/// Where another thread may read the rest of one list: the list's `[` at `open`, an element
/// that may start at `at`. `tail()` waits for that reading and gives the position of the
/// list's `]`, or `None` if it failed.
pub struct Split<'a> {
    pub open: usize,
    pub at: usize,
    pub tail: &'a mut dyn FnMut() -> Option<usize>,
}

/// Like [`from_str`], but when an element of the list at `split.open` starts exactly at
/// `split.at`, the elements from there on are left to `split.tail` (the caller adds them).
/// Whether they were left is the `bool`. A guess of `at` that is not an element's start (inside
/// a string, say) is never reached exactly, and the whole list is read here.
pub fn from_str_split<'a, T: DeserializeOwned>(
    src: &'a str,
    split: Split<'a>,
) -> Option<(T, bool)> {
    let mut de = De::new(src, 0);
    de.split = Some(split);
    let v = T::deserialize(&mut de).ok()?;
    de.ws().ok()?;
    (de.pos == de.s.len()).then_some((v, de.spliced))
}

/// The elements of a list from `at` (an element's start) to its `]`, and where that `]` is.
pub fn list_from<T: DeserializeOwned>(src: &str, at: usize) -> Option<(Vec<T>, usize)> {
    let mut de = De::new(src, at);
    let mut items = Items::new(&mut de, b']');
    let mut out = Vec::new();
    while let Some(x) = de::SeqAccess::next_element::<T>(&mut items).ok()? {
        out.push(x);
    }
    de.ws().ok()?;
    (de.peek() == Some(b']')).then_some((out, de.pos))
}

/// Only says "not taken here": the `ron` crate gives the message.
#[derive(Debug)]
pub struct GaveUp;

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the quick reader")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

struct De<'de> {
    /// The text, valid UTF-8 already: a slice of it between ASCII delimiters is taken
    /// without checking its bytes again.
    text: &'de str,
    s: &'de [u8],
    pos: usize,
    split: Option<Split<'de>>,
    /// The split list's tail was read by the other thread.
    spliced: bool,
}

impl<'de> De<'de> {
    fn new(src: &'de str, pos: usize) -> Self {
        De {
            text: src,
            s: src.as_bytes(),
            pos,
            split: None,
            spliced: false,
        }
    }

    /// `text[start..end]`; both ends lie on ASCII bytes, so on character boundaries.
    fn slice(&self, start: usize, end: usize) -> Result<&'de str> {
        self.text.get(start..end).ok_or(GaveUp)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// Skips whitespace and comments.
    fn ws(&mut self) -> Result<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\r' | b'\t') => self.pos += 1,
                Some(b'/') => match self.s.get(self.pos + 1) {
                    Some(b'/') => {
                        let rest = &self.s[self.pos..];
                        self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    }
                    Some(b'*') => {
                        let body = &self.s[self.pos + 2..];
                        let end = body.windows(2).position(|w| w == b"*/").ok_or(GaveUp)?;
                        // Nested block comments are RON's; the crate reads those.
                        if body[..end].windows(2).any(|w| w == b"/*") {
                            return Err(GaveUp);
                        }
                        self.pos += 2 + end + 2;
                    }
                    _ => return Err(GaveUp),
                },
                _ => return Ok(()),
            }
        }
    }

    /// The next significant byte, consumed when it is `b`.
    fn eat(&mut self, b: u8) -> Result<bool> {
        self.ws()?;
        let hit = self.peek() == Some(b);
        if hit {
            self.pos += 1;
        }
        Ok(hit)
    }

    fn expect(&mut self, b: u8) -> Result<()> {
        if self.eat(b)? { Ok(()) } else { Err(GaveUp) }
    }

    fn ident(&mut self) -> Result<&'de str> {
        self.ws()?;
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Err(GaveUp),
        }
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.pos += 1;
        }
        // Only ASCII was taken, so this is a whole `str`; a raw identifier (`r#…`) stops here.
        let id = self.slice(start, self.pos)?;
        if self.peek() == Some(b'#') {
            return Err(GaveUp);
        }
        Ok(id)
    }

    /// The identifier that comes next, without consuming it.
    fn peek_ident(&mut self) -> Result<Option<&'de str>> {
        let at = self.pos;
        let id = self.ident().ok();
        self.pos = at;
        Ok(id)
    }

    fn visit_string<V: Visitor<'de>>(&mut self, v: V) -> Result<V::Value> {
        self.expect(b'"')?;
        let start = self.pos;
        let rest = &self.s[start..];
        let stop = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .ok_or(GaveUp)?;
        if rest[stop] == b'"' {
            self.pos += stop + 1;
            let text = self.slice(start, start + stop)?;
            return v.visit_borrowed_str(text);
        }
        let mut out = Vec::with_capacity(stop + 16);
        loop {
            match self.peek().ok_or(GaveUp)? {
                b'"' => break,
                b'\\' => {
                    // The escapes RON writes (Rust's `escape_debug`): `\'` for an
                    // apostrophe, `\u{…}` for what does not print.
                    let esc = *self.s.get(self.pos + 1).ok_or(GaveUp)?;
                    self.pos += 2;
                    let c = match esc {
                        b'"' | b'\\' | b'\'' => char::from(esc),
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'0' => '\0',
                        b'u' if self.peek() == Some(b'{') => {
                            let body = &self.s[self.pos + 1..];
                            let end = body.iter().position(|&b| b == b'}').ok_or(GaveUp)?;
                            let hex = std::str::from_utf8(&body[..end]).map_err(|_| GaveUp)?;
                            self.pos += end + 2;
                            u32::from_str_radix(hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or(GaveUp)?
                        }
                        _ => return Err(GaveUp),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                b => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
        self.pos += 1;
        v.visit_string(String::from_utf8(out).map_err(|_| GaveUp)?)
    }

    /// A number's text: `-?digits(.digits)?([eE][+-]?digits)?`.
    fn number(&mut self) -> Result<&'de str> {
        self.ws()?;
        let start = self.pos;
        let digits = |de: &mut Self| {
            let from = de.pos;
            while de.peek().is_some_and(|b| b.is_ascii_digit()) {
                de.pos += 1;
            }
            if de.pos == from { Err(GaveUp) } else { Ok(()) }
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        digits(self)?;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            digits(self)?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            digits(self)?;
        }
        // An identifier character right after the digits (`1_000`, `0x1F`, `5u8`) is RON's.
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(GaveUp);
        }
        self.slice(start, self.pos)
    }

    /// `open`, the elements `read` takes, `close`: a list, a tuple, a map or a struct.
    fn enclosed<T>(
        &mut self,
        open: u8,
        close: u8,
        read: impl FnOnce(Items<'_, 'de>) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        let x = read(Items::new(self, close))?;
        self.expect(close)?;
        Ok(x)
    }

    fn parse<N: std::str::FromStr>(&mut self) -> Result<N> {
        self.number()?.parse().map_err(|_| GaveUp)
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            v.$visit(self.parse::<$t>()?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut De<'de> {
    type Error = GaveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => v.visit_bool(true),
            "false" => v.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    numbers!(
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64,
        deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64,
        deserialize_f32 visit_f32 f32, deserialize_f64 visit_f64 f64
    );

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.visit_string(v)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.visit_string(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    /// `None`, `Some(x)`, or `x` alone (RON's `implicit_some`, which attain reads with).
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.peek_ident()? {
            Some("None") => {
                self.ident()?;
                v.visit_none()
            }
            Some("Some") => {
                self.ident()?;
                self.expect(b'(')?;
                let x = v.visit_some(&mut *self)?;
                self.eat(b',')?;
                self.expect(b')')?;
                Ok(x)
            }
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        v.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &str, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &str, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.ws()?;
        let split_here = self.split.as_ref().is_some_and(|s| s.open == self.pos);
        self.enclosed(b'[', b']', |mut items| {
            items.split_here = split_here;
            v.visit_seq(items)
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value> {
        self.enclosed(b'(', b')', |items| v.visit_seq(items))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.enclosed(b'{', b'}', |items| v.visit_map(items))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        // `Name(…)` or `(…)`.
        if self.peek_ident()?.is_some() && self.ident()? != name {
            return Err(GaveUp);
        }
        self.enclosed(b'(', b')', |mut fields| {
            fields.named = true;
            v.visit_map(fields)
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }
}

/// The elements of a list, a map or a struct, separated by commas, a trailing one allowed.
struct Items<'a, 'de> {
    de: &'a mut De<'de>,
    close: u8,
    first: bool,
    /// A struct's fields: keys are bare identifiers.
    named: bool,
    /// The list whose tail another thread may have read ([`Split`]).
    split_here: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(de: &'a mut De<'de>, close: u8) -> Self {
        Items {
            de,
            close,
            first: true,
            named: false,
            split_here: false,
        }
    }

    /// Whether another element follows (the closing byte is left for the caller).
    fn more(&mut self) -> Result<bool> {
        self.de.ws()?;
        if self.de.peek() == Some(self.close) {
            return Ok(false);
        }
        if !std::mem::take(&mut self.first) {
            self.de.expect(b',')?;
            self.de.ws()?;
            if self.de.peek() == Some(self.close) {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        if self.split_here
            && let Some(split) = self.de.split.as_mut()
            && split.at == self.de.pos
        {
            self.split_here = false;
            // The rest of the list, as this reader would have read it from here on, is the
            // other thread's: skip to its `]`.
            if let Some(end) = (split.tail)() {
                self.de.pos = end;
                self.de.spliced = true;
                return Ok(None);
            }
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.more()? {
            return Ok(None);
        }
        let key = if self.named {
            let id = self.de.ident()?;
            seed.deserialize(BorrowedStrDeserializer::<GaveUp>::new(id))?
        } else {
            seed.deserialize(&mut *self.de)?
        };
        self.de.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

impl<'de> de::EnumAccess<'de> for &mut De<'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let id = self.ident()?;
        Ok((
            seed.deserialize(BorrowedStrDeserializer::<GaveUp>::new(id))?,
            self,
        ))
    }
}

impl<'de> de::VariantAccess<'de> for &mut De<'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        // `Silver`, not `Silver()`: RON reads the latter differently.
        self.ws()?;
        if self.peek() == Some(b'(') {
            return Err(GaveUp);
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        let x = seed.deserialize(&mut *self)?;
        self.eat(b',')?;
        self.expect(b')')?;
        Ok(x)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(GaveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::from_str;
    use crate::model::Org;

    fn both(src: &str) -> (Option<Org>, Option<Org>) {
        let slow = crate::io::ron_options().from_str::<Org>(src).ok();
        (from_str::<Org>(src), slow)
    }

    #[test]
    fn reads_what_the_ron_crate_reads() {
        let demo = include_str!("../../assets/demo/contoso.org.ron");
        let (fast, slow) = both(demo);
        assert!(fast.is_some(), "the demo is read quickly");
        assert_eq!(fast, slow);
        let written = crate::io::org_file::org_to_string(slow.as_ref().unwrap());
        let (fast, slow2) = both(&written);
        assert!(fast.is_some());
        assert_eq!(fast, slow2);
        assert_eq!(slow2, slow);
    }

    #[test]
    fn gives_up_where_ron_decides() {
        let base = r#"(format: "attain-org/1", name: "A", market: Developed, domain: "a.it",
            employees: [(id: "x", display_name: "X \"Y\" D\'A \u{e8}", email: "x@a.it",
              achievements: [(credential: "70-533", passed_on: "2017-06-01", inactive: false)])])"#;
        let (fast, slow) = both(base);
        assert!(fast.is_some());
        assert_eq!(fast, slow);
        assert_eq!(fast.unwrap().employees[0].display_name, "X \"Y\" D'A è");
        // Each of these is either refused by RON or not taken by the quick reader; in every
        // case the quick reader never gives a value RON would not.
        for (from, to) in [
            ("Developed", "Developed()"),
            ("Developed", "Nowhere"),
            ("\"a.it\"", "Some(\"a.it\")"),
            ("\"a.it\"", "r\"a.it\""),
            ("inactive: false", "inactive: 0"),
            ("inactive: false", "inactive: false, inactive: true"),
            ("(format", "/* a /* nested */ comment */ (format"),
            ("(format", "// a comment\n(format"),
            ("(format", "#![enable(implicit_some)]\n(format"),
            ("\"2017-06-01\"", "\"2017-13-01\""),
            ("\"2017-06-01\")", "\"2017-06-01\"),"),
            ("(id: \"x\"", "(id: \"x\" email2: 1"),
            ("])])", "])]) trailing"),
            (
                "])])",
                "])], performance: [(metric: \"m\", value: 1e3, period_end: \"2018-05-31\")])",
            ),
            (
                "])])",
                "])], performance: [(metric: \"m\", value: 007, period_end: \"2018-05-31\")])",
            ),
            (
                "])])",
                "])], performance: [(metric: \"m\", value: -0.5E-2, period_end: \"2018-05-31\")])",
            ),
            ("])])", "])], settings: (sync_delay_hours: 024))"),
        ] {
            let src = base.replacen(from, to, 1);
            let (fast, slow) = both(&src);
            if fast.is_some() {
                assert_eq!(fast, slow, "{to}");
            }
        }
    }
}
