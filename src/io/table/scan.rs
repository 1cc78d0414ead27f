//! The first reading of a table's file: its SHA-256, byte-order mark, NUL bytes and whether
//! it is UTF-8, before the second reading parses it.

use super::TableError;
use super::stream::{CHUNK, Progress};
use std::io::Read;

/// The SHA-256 of a file, in hexadecimal; `Err` names the file.
pub fn sha256_file(path: &std::path::Path) -> Result<String, String> {
    use sha2::Digest as _;
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    // Read a chunk at a time (`io::copy` alone reads 8 KiB a call).
    let mut file = std::io::BufReader::with_capacity(CHUNK, file);
    let mut sha = sha2::Sha256::new();
    std::io::copy(&mut file, &mut sha).map_err(|e| format!("{name}: {e}"))?;
    Ok(format!("{:x}", sha.finalize()))
}

/// What the first reading learns of a file.
pub(super) struct Scan {
    pub(super) sha256: String,
    /// The first three bytes (a byte-order mark).
    pub(super) head: Vec<u8>,
    pub(super) has_nul: bool,
    pub(super) utf8: bool,
    pub(super) read: u64,
}

/// Reads the whole file once for its SHA-256 (if `hash`), byte-order mark, NUL bytes and
/// whether it is UTF-8. The hashing, half of this reading's time, runs on a second thread
/// beside the rest.
pub(super) fn scan<R: Read>(
    src: &mut R,
    progress: &mut Progress<'_>,
    hash: bool,
) -> std::io::Result<Result<Scan, TableError>> {
    use sha2::Digest as _;
    std::thread::scope(|scope| {
        // Made here, so that returning early drops the sender and the hasher stops.
        let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<u8>>();
        let hasher = hash.then(|| {
            scope.spawn(move || {
                let mut sha = sha2::Sha256::new();
                for chunk in full_rx {
                    sha.update(&chunk);
                    empty_tx.send(chunk).ok();
                }
                sha.finalize()
            })
        });
        let mut head = Vec::new();
        let (mut has_nul, mut utf8, mut carry) = (false, true, Vec::<u8>::new());
        let (mut read, mut spare) = (0u64, Vec::new());
        loop {
            let mut chunk = empty_rx
                .try_recv()
                .unwrap_or_else(|_| std::mem::take(&mut spare));
            chunk.resize(CHUNK, 0);
            let n = match src.read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => r?,
            };
            if n == 0 {
                break;
            }
            chunk.truncate(n);
            read += n as u64;
            if !progress(read) {
                return Ok(Err(TableError::Cancelled));
            }
            let bytes = &chunk[..];
            if head.len() < 3 {
                head.extend(bytes.iter().take(3 - head.len()));
            }
            has_nul |= bytes.contains(&0);
            // NUL bytes without a UTF-16 mark: not text, whatever follows.
            let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
            if has_nul && head.len() >= 2 && !utf16 {
                return Ok(Err(TableError::NotText));
            }
            utf8 = utf8 && utf8_goes_on(&mut carry, bytes);
            if hasher.is_none() {
                spare = chunk;
            } else if full_tx.send(chunk).is_err() {
                break;
            }
        }
        drop(full_tx);
        let sha256 = hasher.map_or_else(String::new, |h| {
            let digest = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            format!("{digest:x}")
        });
        Ok(Ok(Scan {
            sha256,
            head,
            has_nul,
            utf8: utf8 && carry.is_empty(),
            read,
        }))
    })
}

/// Whether the text is still UTF-8 with `bytes`, read after `carry` (a character cut at the
/// previous chunk's end); leaves in `carry` a character cut at the end of `bytes`. Each
/// chunk is checked where it lies, not copied behind the carry.
fn utf8_goes_on(carry: &mut Vec<u8>, mut bytes: &[u8]) -> bool {
    while !carry.is_empty() {
        let Some((&b, rest)) = bytes.split_first() else {
            return true;
        };
        carry.push(b);
        bytes = rest;
        match std::str::from_utf8(carry) {
            Ok(_) => carry.clear(),
            Err(e) if e.error_len().is_none() => {}
            Err(_) => return false,
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) if e.error_len().is_none() => {
            carry.extend_from_slice(&bytes[e.valid_up_to()..]);
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::utf8_goes_on;

    /// The first reading and the later one (`sha256_file`) name a file by the same SHA-256.
    #[test]
    fn both_readings_give_the_file_s_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, "a,b\n1,2\n").unwrap();
        let (first, _) = super::super::open_file(&path, Box::new(|_| true)).unwrap();
        let known = "492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470";
        assert_eq!(first, known);
        assert_eq!(super::sha256_file(&path).unwrap(), known);
    }

    /// Text cut into pieces at every place (inside characters too) reads as UTF-8 piece by
    /// piece; one stray byte anywhere does not.
    #[test]
    fn utf8_is_checked_across_pieces_cut_anywhere() {
        let text = "città, €, 𝄞 and ü".as_bytes();
        for i in 0..=text.len() {
            for j in i..=text.len() {
                let mut carry = Vec::new();
                let whole = [&text[..i], &text[i..j], &text[j..]]
                    .iter()
                    .all(|piece| utf8_goes_on(&mut carry, piece));
                assert!(whole && carry.is_empty(), "cut at {i} and {j}");
                let mut bad = text.to_vec();
                bad.insert(i, 0xE9); // é in Windows-1252
                let mut carry = Vec::new();
                let read = [&bad[..j], &bad[j..]]
                    .iter()
                    .all(|piece| utf8_goes_on(&mut carry, piece));
                assert!(!read || !carry.is_empty(), "stray byte at {i}, cut at {j}");
            }
        }
    }
}
