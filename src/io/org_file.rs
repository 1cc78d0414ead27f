//! The org file (RON, `attain-org/1`): load with full validation, save.

use super::{read_text, ron_error};
use crate::model::catalog_def::locate;
use crate::model::validate::validate;
use crate::model::{Catalog, InputError, Org};
use std::path::Path;

/// Parses and validates an org file against the catalog.
pub fn parse_org(src: &str, file: &str, catalog: &Catalog) -> Result<Org, InputError> {
    // The quick reader takes the files attain writes; anything it does not take, the `ron`
    // crate reads (or refuses, saying where).
    let mut org: Org = match quick(src) {
        Some(org) => org,
        None => super::ron_options()
            .from_str(src)
            .map_err(|e| ron_error(src, file, &e))?,
    };
    // Read list by list, each grew by doubling: the slack back (about 30 MB at 100k people).
    for e in &mut org.employees {
        e.achievements.shrink_to_fit();
    }
    validate(&org, catalog).map_err(|p| {
        let at = match &p.anchor {
            Some(anchor) => locate_after(src, anchor, &p.needle),
            None => locate(src, &p.needle),
        };
        InputError::new(file, at, Some(&p.field), p.message)
    })?;
    Ok(org)
}

/// The quick reader; a file over 8 MB has its people read by two threads, one half each.
fn quick(src: &str) -> Option<Org> {
    quick_split(src, 8 << 20).map(|(org, _)| org)
}

/// The quick reader, with two threads from `two_threads` bytes on; whether they were used.
fn quick_split(src: &str, two_threads: usize) -> Option<(Org, bool)> {
    use super::ron_fast::{Split, from_str, from_str_split, list_from};
    // Where the people's list seems to open, and a line in its middle that seems to start a
    // person. Only guesses: the reader splices the halves only where it finds both exactly.
    let open = src
        .find("employees:")
        .and_then(|i| src[i..].find('[').map(|j| i + j));
    let (Some(open), true) = (open, src.len() > two_threads) else {
        return from_str(src).map(|org| (org, false));
    };
    let Some(at) = middle_element(src, open + (src.len() - open) / 2) else {
        return from_str(src).map(|org| (org, false));
    };
    std::thread::scope(|s| {
        let reader = s.spawn(move || list_from::<crate::model::Employee>(src, at));
        let mut reader = Some(reader);
        let mut rest = None;
        let mut tail = || {
            let (people, end) = reader.take()?.join().ok()??;
            rest = Some(people);
            Some(end)
        };
        let split = Split {
            open,
            at,
            tail: &mut tail,
        };
        let (mut org, spliced) = from_str_split::<Org>(src, split)?;
        if spliced {
            org.employees.extend(rest?);
        }
        Some((org, spliced))
    })
}

/// Within 64 KB after `from`, the `(` alone on a line that is least indented: in a file as
/// attain writes it, a person's start (their achievements are deeper, or on one line).
fn middle_element(src: &str, from: usize) -> Option<usize> {
    let boundary = |i: usize| (i..=src.len()).find(|&i| src.is_char_boundary(i));
    let (from, end) = (
        boundary(from)?,
        boundary((from + (64 << 10)).min(src.len()))?,
    );
    let mut pos = from + src[from..end].find('\n')? + 1;
    let mut best: Option<(usize, usize)> = None;
    while pos < end {
        let stop = src[pos..end].find('\n').map_or(end, |i| pos + i);
        let line = &src[pos..stop];
        let indent = line.len() - line.trim_start().len();
        if line.trim() == "(" && best.is_none_or(|(i, _)| indent < i) {
            best = Some((indent, pos + indent));
        }
        pos = stop + 1;
    }
    best.map(|(_, at)| at)
}

pub fn load_org(path: &Path, catalog: &Catalog) -> Result<Org, InputError> {
    let src = read_text(path, super::MAX_ORG_FILE_BYTES)?;
    parse_org(&src, &path.display().to_string(), catalog)
}

/// The org file text: a comment line, then pretty RON with one achievement per line, as the
/// contract prints it.
pub fn org_to_string(org: &Org) -> String {
    let mut out = String::new();
    let _ = write_org(org, &mut out);
    out
}

/// Writes the org file text into `out` as it goes ([`save_org`] never holds it whole).
fn write_org(org: &Org, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .separate_tuple_members(false)
        .indentor("    ".to_string())
        // The organisation, its list of people, a person, their list of achievements: an
        // achievement (depth 5) is written on one line.
        .depth_limit(4);
    out.write_str("// attain organisation file\n")?;
    // Every org field serialises to RON: an error here is the writer's (a full disk).
    ron::ser::to_writer_pretty(&mut *out, org, config).map_err(|_| std::fmt::Error)?;
    out.write_str("\n")
}

/// Writes the org file through a temporary file and a rename, so a crash never leaves half a file.
pub fn save_org(org: &Org, path: &Path) -> std::io::Result<()> {
    /// RON's writer speaks `fmt::Write`; the file, `io::Write`. The first I/O error is kept.
    struct Text<'a, W: std::io::Write>(&'a mut W, Option<std::io::Error>);
    impl<W: std::io::Write> std::fmt::Write for Text<'_, W> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write_all(s.as_bytes()).map_err(|e| {
                self.1.get_or_insert(e);
                std::fmt::Error
            })
        }
    }
    super::write_atomic_with(path, |file| {
        let mut text = Text(file, None);
        match (write_org(org, &mut text), text.1) {
            (_, Some(e)) => Err(e),
            (r, None) => r.map_err(std::io::Error::other),
        }
    })
}

/// Like [`locate`], but searches from the first occurrence of `anchor`.
fn locate_after(src: &str, anchor: &str, needle: &str) -> (usize, usize) {
    match src.find(anchor) {
        Some(start) => match src[start..].find(needle) {
            Some(rel) => offset_pos(src, start + rel),
            None => locate(src, anchor),
        },
        None => locate(src, needle),
    }
}

fn offset_pos(src: &str, pos: usize) -> (usize, usize) {
    let before = &src[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_is_the_text_written_as_it_goes() {
        let catalog = crate::io::catalog_file::default_catalog();
        let org = crate::model::synth::synthetic_org(&catalog, 50, 5, 3);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.org.ron");
        save_org(&org, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), org_to_string(&org));
        assert!(save_org(&org, &dir.path().join("no/such/folder.org.ron")).is_err());
    }

    #[test]
    fn two_threads_read_what_one_reads() {
        let catalog = crate::io::catalog_file::default_catalog();
        let mut org = crate::model::synth::synthetic_org(&catalog, 400, 5, 3);
        let one_thread = |src: &str| crate::io::ron_fast::from_str::<Org>(src);
        let text = org_to_string(&org);
        let (two, split) = quick_split(&text, 0).unwrap();
        assert!(split, "the people were read in two halves");
        assert_eq!(Some(&two), one_thread(&text).as_ref());
        assert_eq!(two, org);
        // A guess that falls inside a string (RON strings may hold line breaks) is never
        // reached exactly: the list is read whole, and the same.
        let mid = org.employees.len() / 2;
        for e in &mut org.employees[mid - 5..mid + 40] {
            e.display_name = format!("{}\n(\n)", e.display_name);
        }
        let text = org_to_string(&org).replace("\\n", "\n");
        let (two, split) = quick_split(&text, 0).unwrap();
        assert!(!split, "the guess fell in a name");
        assert_eq!(two, org);
        assert_eq!(Some(&two), one_thread(&text).as_ref());
        // A file the quick reader refuses in its second half is refused as a whole.
        let text = org_to_string(&crate::model::synth::synthetic_org(&catalog, 400, 5, 3));
        let last = text.rfind("passed_on").unwrap();
        let bad = format!(
            "{}passed{}",
            &text[..last],
            &text[last + "passed_on".len()..]
        );
        assert!(quick_split(&text, 0).unwrap().1);
        assert!(quick_split(&bad, 0).is_none());
    }
}
