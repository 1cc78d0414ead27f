//! PDF checks shared by the report and print tests (poppler-utils).

use std::path::Path;
use std::process::Command;

/// The first page of `pdf` in grey at `dpi`, as raw pixels (`name` names the temporary image).
pub fn first_page_gray(pdf: &Path, dir: &Path, name: &str, dpi: u32) -> Vec<u8> {
    let prefix = dir.join(name);
    let out = Command::new("pdftoppm")
        .args([
            "-gray",
            "-r",
            &dpi.to_string(),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (scripts/install-deps.sh test installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdftoppm: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(prefix.with_extension("pgm")).expect("the page image");
    // P5 header: four whitespace-separated fields, then the pixels.
    let mut fields = 0;
    let mut i = 0;
    while fields < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields += 1;
    }
    bytes[i + 1..].to_vec()
}
