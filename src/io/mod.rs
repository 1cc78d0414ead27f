//! Reading and writing files: the catalog and the org file.

pub mod accounts;
pub mod achievements_plan;
pub mod catalog_file;
pub mod credentials_log;
pub mod credly;
pub mod demo;
pub mod org_file;
pub mod ron_fast;
pub mod table;
pub mod trainings;
pub mod users;

use crate::model::InputError;
use std::path::Path;

/// A file's name as an import's history keeps it (empty for a path that ends without one).
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// What a file given to the window (dropped on it) is, from its name and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An org file (`attain-org/1`): loaded as a new organisation.
    Org,
    /// A table: `users`, `trainings` or `credly`, as [`table::kind_of`] names it.
    Table(&'static str),
    /// A folder, or a file attain does not read (a PDF, a spreadsheet workbook, an image).
    Unsupported,
}

/// Tells an org file, a users file, an export or something else apart, reading at most the
/// first 64 KiB.
pub fn file_kind(path: &Path) -> std::io::Result<FileKind> {
    if path.is_dir() {
        return Ok(FileKind::Unsupported);
    }
    let head = read_head(path, 64 * 1024)?;
    let ron = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"));
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]).into_owned();
    if ron || text.contains("attain-org/") {
        return Ok(FileKind::Org);
    }
    // UTF-16 text has NUL bytes after its byte-order mark; other binary files have them too,
    // or start with a known signature (PDF, ZIP: .xlsx/.docx, OLE: .xls).
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let signature = [b"%PDF".as_slice(), b"PK\x03\x04", b"\xD0\xCF\x11\xE0"]
        .iter()
        .any(|s| head.starts_with(s));
    if signature || (!utf16 && head.contains(&0)) {
        return Ok(FileKind::Unsupported);
    }
    Ok(FileKind::Table(table::kind_of(&head)))
}

/// Writes a file through a temporary sibling and a rename, so a crash never leaves half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| std::io::Write::write_all(w, bytes))
}

/// Like [`write_atomic`], for a file written as it is produced (an org file of 100,000
/// people is never held whole).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    write(&mut out)?;
    std::io::Write::flush(&mut out)?;
    drop(out);
    std::fs::rename(&tmp, path)
}

/// The largest catalog or template attain reads whole (org files: [`MAX_ORG_FILE_BYTES`]): larger
/// is refused from its size alone, before a byte is read, so memory stays bounded. Tables
/// (users files, exports) are streamed instead: see [`table::open`].
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The largest org file attain reads: an export of 100,000 employees with 20 achievements
/// each is about 540 MB of RON, read on a worker.
pub const MAX_ORG_FILE_BYTES: u64 = 1 << 30;

/// Reads a whole input file after checking its size; the message names the file.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    read_at_most(path, MAX_INPUT_BYTES)
}

/// Reads a whole file of at most `limit` bytes, refused from its size before a byte is read.
pub fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let name = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{name}: {e}"))?
        .len();
    if size > limit {
        return Err(format!(
            "{name}: the file is {:.1} MB, larger than the {} MB attain reads; is it the right file?",
            size as f64 / 1_048_576.0,
            limit / 1_048_576
        ));
    }
    read_whole(path, size).map_err(|e| format!("{name}: {e}"))
}

/// Reads a whole file of about `size` bytes into one buffer. (Asking Linux for huge pages
/// for it cost more than it saved: zeroing fresh 2 MB pages made reading a 200 MB org file
/// 0.5 s slower in system time, measured on this project's 2-core machine.)
fn read_whole(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    std::fs::File::open(path)?.read_to_end(&mut buf)?;
    Ok(buf)
}

/// The first bytes of a file (enough to tell what kind of file it is).
pub fn read_head(path: &Path, n: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut head = Vec::new();
    std::fs::File::open(path)?.take(n).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads a whole text file, turning I/O and encoding failures into an [`InputError`].
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let file = path.display().to_string();
    let bytes = read_at_most(path, limit).map_err(|e| {
        let why = e
            .strip_prefix(&format!("{file}: "))
            .unwrap_or(&e)
            .to_string();
        InputError::new(&file, (0, 0), None, format!("cannot read the file: {why}"))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let col = upto.rsplit(|b| *b == b'\n').next().map_or(0, |l| l.len()) + 1;
        InputError::new(&file, (line, col), None, "the file is not valid UTF-8")
    })
}

/// Converts a RON parse error into an [`InputError`] at its position, naming the field
/// written just before that position (`passed_on: "2017-13-01"` names `passed_on`).
/// How attain reads RON: an optional field takes the bare value (`domain: "contoso.it"`,
/// as the org-file contract prints it) as well as `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

pub(crate) fn ron_error(src: &str, file: &str, e: &ron::error::SpannedError) -> InputError {
    let (line, col) = (e.span.start.line, e.span.start.col);
    let field = src.lines().nth(line.saturating_sub(1)).and_then(|l| {
        let before: String = l.chars().take(col.saturating_sub(1)).collect();
        let (head, _) = before.rsplit_once(':')?;
        let name: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (!name.is_empty()).then(|| name.chars().rev().collect::<String>())
    });
    InputError::new(file, (line, col), field.as_deref(), e.code.to_string())
}
