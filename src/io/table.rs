//! Reading delimited text as real admins' machines write it (domain.md §7.1): the encoding
//! from the bytes (BOM, UTF-16, UTF-8, else Windows-1252), the delimiter from the header line,
//! RFC 4180 quoting, CRLF / LF / CR line ends, and physical line numbers for every record.

use serde::Serialize;
use std::io::{Read, Seek};

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

/// Opens a file for [`open`]; `Err` (an I/O failure) names the file.
pub type FileStream<'a> = Stream<'a, std::fs::File>;
pub fn open_file<'a>(
    path: &std::path::Path,
    progress: Progress<'a>,
) -> Result<(String, Result<FileStream<'a>, TableError>), String> {
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    open(file, progress).map_err(|e| format!("{name}: {e}"))
}

/// A stream over a file held in memory (tests, fuzzing, small inputs).
pub fn open_bytes(bytes: &[u8]) -> Result<Stream<'static, std::io::Cursor<&[u8]>>, TableError> {
    match open(std::io::Cursor::new(bytes), Box::new(|_| true)) {
        Ok((_, s)) => s,
        Err(e) => Err(TableError::Malformed {
            line: 0,
            message: e.to_string(),
        }),
    }
}

/// What attain keeps of a table is bounded whatever the file's size: at most this many data
/// rows (2.5 times the 100,000-row benchmark file) ...
pub const MAX_ROWS: usize = 250_000;
/// ... and records of at most this many bytes (a users row is about 70).
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// Bytes read from the file at a time.
const CHUNK: usize = 256 * 1024;

/// Reports bytes read so far (both passes count: the total is twice the file's size) and
/// says whether to go on; `false` cancels.
pub type Progress<'a> = Box<dyn FnMut(u64) -> bool + 'a>;

/// The header of a table being streamed.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub encoding: Encoding,
    pub bom: bool,
    pub delimiter: u8,
    pub header: Vec<String>,
    pub header_line: usize,
}

/// Decoded bytes for the CSV reader, with the physical line starts of what it has read so
/// far; the window of bytes kept starts at the record being read, so memory stays bounded.
struct Feed<'a, R> {
    src: R,
    decoder: Option<encoding_rs::Decoder>,
    check_nul: bool,
    raw: Vec<u8>,
    eof: bool,
    /// Decoded bytes from absolute offset `base`.
    buf: Vec<u8>,
    base: usize,
    /// Absolute offset of the next byte handed to the CSV reader.
    given: usize,
    /// Line starts at or after the pruning point, and how many were pruned before them.
    starts: std::collections::VecDeque<usize>,
    pruned_lines: usize,
    pending_cr: bool,
    read: u64,
    progress: Progress<'a>,
    failure: Option<TableError>,
}

impl<R: Read> Feed<'_, R> {
    /// Decodes one more chunk into `buf`; false at the end of the file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.raw.resize(CHUNK, 0);
        let n = loop {
            match self.src.read(&mut self.raw) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                r => break r?,
            }
        };
        self.read += n as u64;
        if !(self.progress)(self.read) {
            return Err(self.fail(TableError::Cancelled));
        }
        let last = n == 0;
        self.eof = last;
        let from = self.buf.len();
        match &mut self.decoder {
            None => self.buf.extend_from_slice(&self.raw[..n]),
            Some(d) => {
                let mut out = String::with_capacity(
                    d.max_utf8_buffer_length(n).unwrap_or(n * 3).min(4 * CHUNK),
                );
                let mut input = &self.raw[..n];
                loop {
                    let (result, read, _) = d.decode_to_string(input, &mut out, last);
                    input = &input[read..];
                    self.buf.extend_from_slice(out.as_bytes());
                    out.clear();
                    if result == encoding_rs::CoderResult::InputEmpty {
                        break;
                    }
                    out.reserve(CHUNK);
                }
            }
        }
        if self.check_nul && self.buf[from..].contains(&0) {
            return Err(self.fail(TableError::NotText));
        }
        self.scan(from);
        Ok(!last || self.buf.len() > from)
    }

    /// Records the line starts of `buf[from..]` (CRLF, LF and a lone CR each end a line).
    /// A CR's line start waits for the next byte, which may be the LF of a CRLF.
    fn scan(&mut self, from: usize) {
        for i in from..self.buf.len() {
            let at = self.base + i;
            let b = self.buf[i];
            if std::mem::take(&mut self.pending_cr) {
                if b == b'\n' {
                    self.starts.push_back(at + 1);
                    continue;
                }
                self.starts.push_back(at);
            }
            match b {
                b'\r' => self.pending_cr = true,
                b'\n' => self.starts.push_back(at + 1),
                _ => {}
            }
        }
        if self.eof && std::mem::take(&mut self.pending_cr) {
            self.starts.push_back(self.base + self.buf.len());
        }
    }

    fn fail(&mut self, e: TableError) -> std::io::Error {
        self.failure = Some(e);
        std::io::Error::other("stopped")
    }

    /// Physical line (from 1) of an absolute offset not before the pruning point.
    fn line_of(&self, offset: usize) -> usize {
        1 + self.pruned_lines + self.starts.partition_point(|s| *s <= offset)
    }

    /// The byte at an absolute offset, if still kept.
    fn byte(&self, offset: usize) -> Option<u8> {
        offset
            .checked_sub(self.base)
            .and_then(|i| self.buf.get(i).copied())
    }

    /// Forgets the bytes and line starts before `offset` (the next record's start).
    fn prune(&mut self, offset: usize) {
        let cut = offset.saturating_sub(self.base).min(self.buf.len());
        if cut >= CHUNK {
            self.buf.drain(..cut);
            self.base += cut;
        }
        while self.starts.front().is_some_and(|s| *s <= offset) {
            self.starts.pop_front();
            self.pruned_lines += 1;
        }
    }
}

impl<R: Read> Read for Feed<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.given >= self.base + self.buf.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        if self.given - self.base > MAX_RECORD_BYTES + 2 * CHUNK {
            let line = self.line_of(self.base);
            return Err(self.fail(TableError::TooLarge {
                line,
                message: format!(
                    "line {line}: a row longer than {} MB; is it the right file?",
                    MAX_RECORD_BYTES >> 20
                ),
            }));
        }
        let from = self.given - self.base;
        let n = out.len().min(self.buf.len() - from);
        out[..n].copy_from_slice(&self.buf[from..from + n]);
        self.given += n;
        Ok(n)
    }
}

/// A delimited file read record by record: the header is read on opening, data records as
/// the iterator is driven. Memory does not grow with the file, only with the rows kept.
pub struct Stream<'a, R> {
    pub head: Head,
    reader: csv::Reader<Feed<'a, R>>,
    record: csv::StringRecord,
    rows: usize,
    done: bool,
}

/// Reads a whole file twice with bounded memory: once for its encoding and SHA-256, once to
/// parse it. `Err` only for an I/O failure; a file attain cannot read as a table is `Ok` with
/// the table's error.
pub fn open<'a, R: Read + Seek>(
    mut src: R,
    mut progress: Progress<'a>,
) -> std::io::Result<(String, Result<Stream<'a, R>, TableError>)> {
    use sha2::Digest as _;
    let mut sha = sha2::Sha256::new();
    let mut chunk = vec![0u8; CHUNK];
    let mut head = Vec::new();
    let (mut has_nul, mut utf8, mut carry) = (false, true, Vec::<u8>::new());
    let mut read = 0u64;
    loop {
        let n = match src.read(&mut chunk) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => r?,
        };
        if n == 0 {
            break;
        }
        read += n as u64;
        if !progress(read) {
            return Ok((String::new(), Err(TableError::Cancelled)));
        }
        let bytes = &chunk[..n];
        sha.update(bytes);
        if head.len() < 3 {
            head.extend(bytes.iter().take(3 - head.len()));
        }
        has_nul |= bytes.contains(&0);
        // NUL bytes without a UTF-16 mark: not text, whatever follows.
        let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
        if has_nul && head.len() >= 2 && !utf16 {
            return Ok((String::new(), Err(TableError::NotText)));
        }
        if utf8 {
            carry.extend_from_slice(bytes);
            match std::str::from_utf8(&carry) {
                Ok(_) => carry.clear(),
                Err(e) if e.error_len().is_none() => {
                    carry.drain(..e.valid_up_to());
                }
                Err(_) => utf8 = false,
            }
        }
    }
    let sha256 = sha.finalize().iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        write!(s, "{b:02x}").ok();
        s
    });
    utf8 &= carry.is_empty();
    let (encoding, bom, skip, decoder) = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, true, 3, Some(encoding_rs::UTF_8))
    } else if head.starts_with(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, true, 2, Some(encoding_rs::UTF_16LE))
    } else if head.starts_with(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, true, 2, Some(encoding_rs::UTF_16BE))
    } else if has_nul {
        return Ok((sha256, Err(TableError::NotText)));
    } else if utf8 {
        (Encoding::Utf8, false, 0, None)
    } else {
        (
            Encoding::Windows1252,
            false,
            0,
            Some(encoding_rs::WINDOWS_1252),
        )
    };
    src.seek(std::io::SeekFrom::Start(skip))?;
    let mut feed = Feed {
        src,
        decoder: decoder.map(|d| d.new_decoder_without_bom_handling()),
        check_nul: encoding != Encoding::Windows1252,
        raw: Vec::new(),
        eof: false,
        buf: Vec::new(),
        base: 0,
        given: 0,
        starts: Default::default(),
        pruned_lines: 0,
        pending_cr: false,
        read: read + skip,
        progress,
        failure: None,
    };
    let stream = first_line(&mut feed).and_then(|line| {
        let delimiter = detect_delimiter(&line);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_reader(feed);
        let mut s = Stream {
            head: Head {
                encoding,
                bom,
                delimiter,
                header: Vec::new(),
                header_line: 0,
            },
            reader,
            record: csv::StringRecord::new(),
            rows: 0,
            done: false,
        };
        let (line, header) = s.next_record().ok_or(TableError::NoHeader)??;
        s.head.header = header;
        s.head.header_line = line;
        Ok(s)
    });
    Ok((sha256, stream))
}

/// The first non-blank physical line (for the delimiter), decoded ahead without consuming it.
fn first_line<R: Read>(feed: &mut Feed<'_, R>) -> Result<String, TableError> {
    let io = |feed: &mut Feed<'_, R>, e: std::io::Error| {
        feed.failure.take().unwrap_or(TableError::Malformed {
            line: 1,
            message: e.to_string(),
        })
    };
    let mut scanned = 0;
    loop {
        let text = String::from_utf8_lossy(&feed.buf);
        let complete = text[scanned..].rfind(['\r', '\n']).map(|i| scanned + i);
        if let Some(line) = text[..complete.unwrap_or(0)]
            .split(['\r', '\n'])
            .find(|l| !l.trim().is_empty())
        {
            return Ok(line.to_string());
        }
        scanned = complete.unwrap_or(scanned);
        if feed.buf.len() > MAX_RECORD_BYTES {
            return Err(TableError::TooLarge {
                line: 1,
                message: format!(
                    "the first {} MB hold no complete line; is it the right file?",
                    MAX_RECORD_BYTES >> 20
                ),
            });
        }
        match feed.fill() {
            Ok(true) => {}
            Ok(false) => {
                let text = String::from_utf8_lossy(&feed.buf);
                return text
                    .split(['\r', '\n'])
                    .find(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .ok_or(TableError::NoHeader);
            }
            Err(e) => return Err(io(feed, e)),
        }
    }
}

impl<R: Read> Stream<'_, R> {
    /// The next non-empty record with its first physical line.
    fn next_record(&mut self) -> Option<Result<(usize, Vec<String>), TableError>> {
        loop {
            let before = self.reader.position().byte() as usize;
            let line = self.reader.get_ref().line_of(before);
            let result = self.reader.read_record(&mut self.record);
            let next = self.reader.position().byte() as usize;
            match result {
                Ok(false) => return None,
                Ok(true) => {
                    let feed = self.reader.get_ref();
                    // The reader's position may be before blank lines it skipped: start at
                    // the first byte that is not a line end.
                    let at = match self.record.position() {
                        Some(p) => {
                            let mut from = p.byte() as usize;
                            while matches!(feed.byte(from), Some(b'\r' | b'\n')) {
                                from += 1;
                            }
                            feed.line_of(from)
                        }
                        None => line,
                    };
                    self.reader.get_mut().prune(next);
                    let fields: Vec<String> =
                        self.record.iter().map(|f| f.trim().to_string()).collect();
                    if fields.iter().all(|f| f.is_empty()) && self.record.len() <= 1 {
                        continue;
                    }
                    return Some(Ok((at, fields)));
                }
                Err(e) => {
                    let feed = self.reader.get_mut();
                    if let Some(stop) = feed.failure.take() {
                        return Some(Err(stop));
                    }
                    let line = e
                        .position()
                        .map_or(line, |p| feed.line_of(p.byte() as usize));
                    return Some(Err(TableError::Malformed {
                        line,
                        message: e.to_string(),
                    }));
                }
            }
        }
    }
}

impl<R: Read> Iterator for Stream<'_, R> {
    type Item = Result<(usize, Vec<String>), TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_record();
        let item = match item {
            Some(Ok((line, _))) if self.rows == MAX_ROWS => Some(Err(TableError::TooLarge {
                line,
                message: format!(
                    "line {line}: more than {MAX_ROWS} rows; attain reads at most {MAX_ROWS} rows \
                     from one file: split it"
                ),
            })),
            other => other,
        };
        match &item {
            Some(Ok(_)) => self.rows += 1,
            _ => self.done = true,
        }
        item
    }
}

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
        while text.len() < 3 * CHUNK + 1000 {
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

    #[test]
    fn a_crlf_split_between_two_chunks_is_one_line_end() {
        let mut text = format!("a\n{}\r\n", "x".repeat(CHUNK - 3));
        assert_eq!(text.as_bytes()[CHUNK - 1], b'\r');
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
