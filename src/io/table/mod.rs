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
    pub head: Head,
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
    /// More rows, or a longer row, than attain keeps (see [`MAX_ROWS`]).
    TooLarge { line: usize, message: String },
    /// The user cancelled the reading.
    Cancelled,
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

/// Decodes and splits a delimited file held in memory.
pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    let mut s = open_bytes(bytes)?;
    let records = s.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok(Table {
        head: s.head,
        records,
    })
}

mod alongside;
mod scan;
mod stream;
pub use scan::sha256_file;
pub use stream::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_survive_blank_lines_quotes_and_lone_cr() {
        let t = read_table(b"a,b\n\n1,\"x\ny\"\r3,4\r\n\r\n5,6").unwrap();
        assert_eq!(t.head.header, vec!["a", "b"]);
        let lines: Vec<usize> = t.records.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![3, 5, 7]);
        assert_eq!(t.records[0].1, vec!["1", "x\ny"]);
    }

    /// Records with known lines, blank lines and all three line ends, long enough that chunk
    /// boundaries fall inside CRLFs, quoted fields and multi-byte characters.
    fn sample(seed: u64) -> (String, Vec<(usize, Vec<String>)>) {
        use rand::{Rng as _, SeedableRng as _};
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let ends = ["\n", "\r\n", "\r"];
        let mut text = String::from("nome,città\r\n");
        let (mut line, mut expected) = (2, Vec::new());
        while text.len() < 3 * stream::CHUNK + 1000 {
            let mut end = ends[rng.random_range(0..3)];
            // A CR then an LF would be one CRLF line end.
            if text.ends_with('\r') && end.starts_with('\n') {
                end = "\r";
            }
            if rng.random_bool(0.1) {
                text.push_str(end);
                line += 1;
                continue;
            }
            let a = format!("Nicolò{}", rng.random_range(0..1000));
            let (b, lines) = if rng.random_bool(0.1) {
                (format!("due{end}righe"), 2)
            } else {
                ("x".repeat(rng.random_range(0..40)), 1)
            };
            text.push_str(&format!("{a},\"{b}\"{end}"));
            expected.push((line, vec![a, b]));
            line += lines;
        }
        (text, expected)
    }

    #[test]
    fn streaming_keeps_lines_and_text_across_chunk_boundaries() {
        for seed in 0..6 {
            let (text, expected) = sample(seed);
            let utf16: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect();
            let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            for (bytes, encoding) in [
                (text.as_bytes().to_vec(), Encoding::Utf8),
                (utf16, Encoding::Utf16Le),
                (cp1252.into_owned(), Encoding::Windows1252),
            ] {
                let t = read_table(&bytes).unwrap();
                assert_eq!(t.head.encoding, encoding);
                assert_eq!(t.head.header, vec!["nome", "città"]);
                let first_difference = t.records.iter().zip(&expected).position(|(a, b)| a != b);
                if let Some(i) = first_difference {
                    panic!(
                        "seed {seed} {encoding:?}: {:?} != {:?}",
                        t.records[i], expected[i]
                    );
                }
                assert_eq!(t.records.len(), expected.len());
            }
        }
    }

    /// Every row of `bytes` as `each_row` hands them over (the error after them), stopping
    /// after `stop` rows.
    fn alongside(bytes: &[u8], stop: usize) -> (Vec<(usize, Vec<String>)>, Option<TableError>) {
        let mut rows = Vec::new();
        let end = open_bytes(bytes)
            .unwrap()
            .each_row(|r| {
                rows.push((r.line, r.to_vec()));
                rows.len() < stop
            })
            .err();
        (rows, end)
    }

    #[test]
    fn rows_read_alongside_are_the_rows_read_in_turn() {
        for seed in 0..3 {
            let (text, expected) = sample(seed);
            let marked = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
            for bytes in [text.as_bytes(), &marked] {
                assert_eq!(alongside(bytes, usize::MAX), (expected.clone(), None));
            }
            // The caller stops: no more rows, and the reading thread ends too.
            assert_eq!(alongside(text.as_bytes(), 10).0, expected[..10]);
        }
        let mut text = String::from("a\n");
        for i in 0..MAX_ROWS + 1 {
            text.push_str(&format!("{i}\n"));
        }
        let (rows, end) = alongside(text.as_bytes(), usize::MAX);
        assert_eq!(rows.len(), MAX_ROWS);
        assert!(matches!(end, Some(TableError::TooLarge { line, .. }) if line == MAX_ROWS + 2));
    }

    #[test]
    fn owned_rows_read_alongside_are_the_iterator_s_rows() {
        let (text, expected) = sample(7);
        let s = open_bytes(text.as_bytes()).unwrap();
        let rows: Vec<_> = s.rows_alongside(|rows| rows.map(Result::unwrap).collect());
        assert_eq!(rows, expected);
        // Taking only the first rows ends the reading thread too.
        let s = open_bytes(text.as_bytes()).unwrap();
        let first = s.rows_alongside(|rows| rows.take(3).map(Result::unwrap).collect::<Vec<_>>());
        assert_eq!(first, expected[..3]);
    }

    #[test]
    fn fields_are_trimmed_of_any_white_space_and_invalid_bytes_after_a_mark_replaced() {
        let (rows, _) = alongside(
            "a,b,c,d\n x ,\tπ\u{a0},\u{a0}\u{2003}y z\u{3000}, \n".as_bytes(),
            usize::MAX,
        );
        assert_eq!(
            rows,
            [(2, vec!["x".into(), "π".into(), "y z".into(), String::new()])]
        );
        let t = read_table(b"\xEF\xBB\xBFa,b\nNicol\xF2,x\n").unwrap();
        assert_eq!(t.head.encoding, Encoding::Utf8);
        assert_eq!(t.records[0].1, ["Nicol\u{FFFD}", "x"]);
    }

    #[test]
    fn a_crlf_split_between_two_chunks_is_one_line_end() {
        let mut text = format!("a\n{}\r\n", "x".repeat(stream::CHUNK - 3));
        assert_eq!(text.as_bytes()[stream::CHUNK - 1], b'\r');
        text.push_str("b\r\n\r\nc");
        let t = read_table(text.as_bytes()).unwrap();
        let lines: Vec<usize> = t.records.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![2, 3, 5]);
    }

    #[test]
    fn rows_beyond_the_limit_and_cancelling_stop_the_stream() {
        let mut text = String::from("a\n");
        for i in 0..MAX_ROWS + 1 {
            text.push_str(&format!("{i}\n"));
        }
        let mut s = open_bytes(text.as_bytes()).unwrap();
        let err = s.by_ref().find_map(Result::err).unwrap();
        assert!(matches!(err, TableError::TooLarge { line, .. } if line == MAX_ROWS + 2));
        let mut calls = 0;
        let (_, r) = open(
            std::io::Cursor::new(text.as_bytes()),
            Box::new(|_| {
                calls += 1;
                calls < 3
            }),
        )
        .unwrap();
        let err = match r {
            Ok(mut s) => s.find_map(Result::err).unwrap(),
            Err(e) => e,
        };
        assert_eq!(err, TableError::Cancelled);
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
