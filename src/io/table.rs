//! Reading delimited text as real admins' machines write it (domain.md §7.1): the encoding
//! from the bytes (BOM, UTF-16, UTF-8, else Windows-1252), the delimiter from the header line,
//! RFC 4180 quoting, CRLF / LF / CR line ends, and physical line numbers for every record.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    #[serde(rename = "Windows-1252")]
    Windows1252,
}

/// A decoded file split into records.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub encoding: Encoding,
    pub bom: bool,
    pub delimiter: u8,
    /// The header's fields (trimmed) and its line.
    pub header: Vec<String>,
    pub header_line: usize,
    /// Every non-empty record after the header: its first physical line and its fields (trimmed).
    pub records: Vec<(usize, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// NUL bytes without a UTF-16 byte-order mark.
    NotText,
    /// No non-empty line.
    NoHeader,
    /// A malformed record the CSV reader cannot recover from.
    Malformed { line: usize, message: String },
}

/// Decodes bytes per the fixture contract; the flag says whether a BOM was present.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding, bool), TableError> {
    let (enc, bom, body, label) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, true, rest, encoding_rs::UTF_8)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, true, rest, encoding_rs::UTF_16LE)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, true, rest, encoding_rs::UTF_16BE)
    } else if bytes.contains(&0) {
        return Err(TableError::NotText);
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), Encoding::Utf8, false));
    } else {
        (
            Encoding::Windows1252,
            false,
            bytes,
            encoding_rs::WINDOWS_1252,
        )
    };
    let (text, _) = label.decode_without_bom_handling(body);
    let text = text.into_owned();
    if enc != Encoding::Windows1252 && text.contains('\0') {
        return Err(TableError::NotText);
    }
    Ok((text, enc, bom))
}

/// The most frequent of TAB, `;` and `,` in the header line (ties: that order).
pub fn detect_delimiter(header_line: &str) -> u8 {
    let mut best = (b'\t', header_line.matches('\t').count());
    for d in [b';', b','] {
        let n = header_line.matches(d as char).count();
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// Physical line (from 1) of every byte offset, counting CRLF, LF and a lone CR as one end.
fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|s| *s <= offset)
}

/// What a file is, from its header: `users`, `trainings` or `credly`.
pub fn kind_of(bytes: &[u8]) -> &'static str {
    let header = decode(bytes).ok().and_then(|(text, _, _)| {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .map(str::to_lowercase)
    });
    match header {
        Some(h) if h.contains("trainingtitle") => "trainings",
        Some(h) if h.contains("badge template id") => "credly",
        _ => "users",
    }
}

/// Decodes and splits a delimited file.
pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding, bom) = decode(bytes)?;
    parse_table(&text, encoding, bom)
}

pub fn parse_table(text: &str, encoding: Encoding, bom: bool) -> Result<Table, TableError> {
    let starts = line_starts(text);
    let first = text
        .split(['\r', '\n'])
        .find(|l| !l.trim().is_empty())
        .ok_or(TableError::NoHeader)?;
    let delimiter = detect_delimiter(first);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_reader(text.as_bytes());
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = line_of(&starts, reader.position().byte() as usize);
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The reader's position may be before blank lines it skipped: start at the first
                // byte that is not a line end.
                let from = record.position().map_or(0, |p| p.byte() as usize);
                let skip = text.as_bytes()[from.min(text.len())..]
                    .iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
                let at = if record.position().is_some() {
                    line_of(&starts, from + skip)
                } else {
                    line
                };
                let fields: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
                if fields.iter().all(|f| f.is_empty()) && record.len() <= 1 {
                    continue;
                }
                match header {
                    None => header = Some((at, fields)),
                    Some(_) => records.push((at, fields)),
                }
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(line, |p| line_of(&starts, p.byte() as usize));
                return Err(TableError::Malformed {
                    line,
                    message: e.to_string(),
                });
            }
        }
    }
    let (header_line, header) = header.ok_or(TableError::NoHeader)?;
    Ok(Table {
        encoding,
        bom,
        delimiter,
        header,
        header_line,
        records,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_survive_blank_lines_quotes_and_lone_cr() {
        let t = parse_table("a,b\n\n1,\"x\ny\"\r3,4\r\n\r\n5,6", Encoding::Utf8, false).unwrap();
        assert_eq!(t.header, vec!["a", "b"]);
        let lines: Vec<usize> = t.records.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![3, 5, 7]);
        assert_eq!(t.records[0].1, vec!["1", "x\ny"]);
    }

    #[test]
    fn the_header_tells_what_a_file_is() {
        assert_eq!(
            kind_of(b"\xEF\xBB\xBFTrainingActivityId,TrainingTitle,TrainingType\r\n"),
            "trainings"
        );
        assert_eq!(kind_of(b"Badge Template ID,Recipient Email\n"), "credly");
        assert_eq!(
            kind_of(b"First name,Last name,Display name,Email\n"),
            "users"
        );
        assert_eq!(kind_of(b"\0\0"), "users");
    }

    #[test]
    fn encodings_are_detected_from_the_bytes() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa").unwrap(),
            ("a".into(), Encoding::Utf8, true)
        );
        assert_eq!(
            decode(b"\xFF\xFEa\0").unwrap(),
            ("a".into(), Encoding::Utf16Le, true)
        );
        assert_eq!(
            decode(b"\xFE\xFF\0a").unwrap(),
            ("a".into(), Encoding::Utf16Be, true)
        );
        assert_eq!(
            decode(b"Nicol\xF2 \x92").unwrap(),
            ("Nicolò ’".into(), Encoding::Windows1252, false)
        );
        assert_eq!(decode(b"a\0b"), Err(TableError::NotText));
        assert_eq!(detect_delimiter("a;b;c,d"), b';');
        assert_eq!(detect_delimiter("a\tb,c"), b'\t');
    }
}
