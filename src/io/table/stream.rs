//! Reading a table record by record, with bounded memory whatever the file's size.

use super::scan::{Scan, scan};
use super::{Encoding, TableError, detect_delimiter};
use std::io::{Read, Seek};

/// Opens a file for [`open`]; `Err` (an I/O failure) names the file.
pub type FileStream<'a> = Stream<'a, std::fs::File>;
pub fn open_file<'a>(
    path: &std::path::Path,
    progress: Progress<'a>,
) -> Result<(String, Result<FileStream<'a>, TableError>), String> {
    open_path(path, progress, true)
}

/// [`open_file`] without the SHA-256, for a caller that takes it later with [`sha256_file`]
/// (on a second thread while it works alone: the hashing is half of the first reading).
pub fn open_file_unhashed<'a>(
    path: &std::path::Path,
    progress: Progress<'a>,
) -> Result<Result<FileStream<'a>, TableError>, String> {
    open_path(path, progress, false).map(|(_, stream)| stream)
}

fn open_path<'a>(
    path: &std::path::Path,
    progress: Progress<'a>,
    hash: bool,
) -> Result<(String, Result<FileStream<'a>, TableError>), String> {
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    open_hashed(file, progress, hash).map_err(|e| format!("{name}: {e}"))
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
pub(super) const CHUNK: usize = 256 * 1024;

/// Reports bytes read so far (both passes count: the total is twice the file's size) and
/// says whether to go on; `false` cancels.
pub type Progress<'a> = Box<dyn FnMut(u64) -> bool + Send + 'a>;

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
        let (buf, base) = (&self.buf, self.base);
        // A line end found one step ahead (the LF of a CRLF) is not a second one.
        let mut taken = from;
        if from < buf.len() && std::mem::take(&mut self.pending_cr) {
            let lf = buf[from] == b'\n';
            self.starts.push_back(base + from + usize::from(lf));
            taken += usize::from(lf);
        }
        let start = taken;
        for i in memchr::memchr2_iter(b'\r', b'\n', &buf[start..]).map(|i| start + i) {
            if i < taken {
                continue;
            }
            if buf[i] == b'\n' {
                self.starts.push_back(base + i + 1);
            } else if i + 1 == buf.len() {
                self.pending_cr = true;
            } else {
                let lf = buf[i + 1] == b'\n';
                self.starts.push_back(base + i + 1 + usize::from(lf));
                taken = i + 1 + usize::from(lf);
            }
        }
        if self.eof && std::mem::take(&mut self.pending_cr) {
            self.starts.push_back(base + buf.len());
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
    /// The record's fields as ranges of its text.
    bounds: Vec<(u32, u32)>,
    rows: usize,
    done: bool,
}

/// Reads a whole file twice with bounded memory: once for its encoding and SHA-256, once to
/// parse it. `Err` only for an I/O failure; a file attain cannot read as a table is `Ok` with
/// the table's error.
pub fn open<'a, R: Read + Seek>(
    src: R,
    progress: Progress<'a>,
) -> std::io::Result<(String, Result<Stream<'a, R>, TableError>)> {
    open_hashed(src, progress, true)
}

/// [`open`], with the SHA-256 (`hash`) or an empty one.
fn open_hashed<'a, R: Read + Seek>(
    mut src: R,
    mut progress: Progress<'a>,
    hash: bool,
) -> std::io::Result<(String, Result<Stream<'a, R>, TableError>)> {
    let Scan {
        sha256,
        head,
        has_nul,
        utf8,
        read,
    } = match scan(&mut src, &mut progress, hash)? {
        Ok(scan) => scan,
        Err(e) => return Ok((String::new(), Err(e))),
    };
    let (encoding, bom, skip, decoder) = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        // Valid UTF-8 after its mark is read as it is; only invalid bytes need the decoder's
        // replacement characters.
        (
            Encoding::Utf8,
            true,
            3,
            (!utf8).then_some(encoding_rs::UTF_8),
        )
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
            bounds: Vec::new(),
            rows: 0,
            done: false,
        };
        let line = s.next_record().ok_or(TableError::NoHeader)??;
        s.head.header = s.record.iter().map(|f| f.trim().to_string()).collect();
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

/// A data record borrowed from the stream until the next is read: reading a 100,000-row
/// export through it allocates nothing per row.
pub struct Record<'r> {
    /// The record's first physical line.
    pub line: usize,
    pub(super) text: &'r str,
    /// Each field as a range of `text`.
    pub(super) bounds: &'r [(u32, u32)],
}

impl<'r> Record<'r> {
    /// Field `i`, trimmed; `""` past the end.
    pub fn get(&self, i: usize) -> &'r str {
        self.bounds
            .get(i)
            .map_or("", |&(a, b)| trim(&self.text[a as usize..b as usize]))
    }

    /// The field at an optional column; `""` without one.
    pub fn at(&self, i: Option<usize>) -> &'r str {
        i.map_or("", |i| self.get(i))
    }

    /// The fields, trimmed and owned.
    pub fn to_vec(&self) -> Vec<String> {
        (0..self.bounds.len())
            .map(|i| self.get(i).to_string())
            .collect()
    }
}

/// `field` without white space around it. Most fields have none: their ends are printable
/// ASCII. Any white space (also Unicode's, which starts with a non-ASCII byte) goes through
/// `str::trim`.
fn trim(field: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_none_or(|&b| b > b' ' && b < 0x80);
    let b = field.as_bytes();
    if plain(b.first()) && plain(b.last()) {
        field
    } else {
        field.trim()
    }
}

/// Each field of `record` as a range of its text.
fn field_bounds(record: &csv::StringRecord, out: &mut Vec<(u32, u32)>) {
    out.clear();
    // A record is at most MAX_RECORD_BYTES long, so its offsets fit.
    out.extend(
        (0..record.len())
            .filter_map(|i| record.range(i))
            .map(|r| (r.start as u32, r.end as u32)),
    );
}

impl<R: Read> Stream<'_, R> {
    /// The next non-empty record's first physical line; the record is in `self.record`.
    fn next_record(&mut self) -> Option<Result<usize, TableError>> {
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
                    if self.record.len() <= 1 && self.record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    return Some(Ok(at));
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

    /// The next data record, borrowed; `None` at the end or after an error.
    pub fn next_row(&mut self) -> Option<Result<Record<'_>, TableError>> {
        if self.done {
            return None;
        }
        let Some(item) = self.next_record() else {
            self.done = true;
            return None;
        };
        match item {
            Ok(line) if self.rows < MAX_ROWS => {
                self.rows += 1;
                field_bounds(&self.record, &mut self.bounds);
                Some(Ok(Record {
                    line,
                    text: self.record.as_slice(),
                    bounds: &self.bounds,
                }))
            }
            Ok(line) => {
                self.done = true;
                Some(Err(TableError::TooLarge {
                    line,
                    message: format!(
                        "line {line}: more than {MAX_ROWS} rows; attain reads at most {MAX_ROWS} \
                         rows from one file: split it"
                    ),
                }))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl<R: Read> Iterator for Stream<'_, R> {
    type Item = Result<(usize, Vec<String>), TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_row()
            .map(|r| r.map(|rec| (rec.line, rec.to_vec())))
    }
}
