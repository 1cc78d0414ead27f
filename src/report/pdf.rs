//! PDF rendering with typst as a library: the template is the main file, the data is the
//! virtual file `data.json` beside it, and the fonts are embedded (DejaVu Sans, regular and
//! bold: typst does not synthesise bold), so accents render the same on every OS.

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

/// The template shipped with attain; a user may copy it and point attain at the copy.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../assets/report/award.typ");
static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn project_file(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e:?}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(std::path::PathBuf::from(id.vpath().get_without_slash()))
}

/// Renders `template` (typst source; `template_name` names it in errors) with `data_json` as
/// `data.json`. Errors name the template's line and column.
pub fn render_pdf(
    template: &str,
    template_name: &str,
    data_json: String,
    today: crate::model::Day,
) -> Result<Vec<u8>, String> {
    use chrono::Datelike as _;
    let fonts: Vec<Font> = [FONT_REGULAR, FONT_BOLD]
        .into_iter()
        .flat_map(|b| Font::iter(Bytes::new(b)))
        .collect();
    let main = Source::new(project_file("/main.typ")?, template.to_string());
    let world = ReportWorld {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main,
        data_id: project_file("/data.json")?,
        data: Bytes::from_string(data_json),
        today: Datetime::from_ymd(today.0.year(), today.0.month() as u8, today.0.day() as u8),
    };
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let doc = output.map_err(|e| diagnostics(&world, &e, template_name))?;
    let pdf = typst_pdf::pdf(&doc, &PdfOptions::default())
        .map_err(|e| diagnostics(&world, &e, template_name));
    // typst memoises across calls; a long-running window must not keep every render.
    typst::comemo::evict(10);
    pdf
}

fn diagnostics(world: &ReportWorld, diags: &EcoVec<SourceDiagnostic>, name: &str) -> String {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let place = d
                .span
                .id()
                .zip(world.range(d.span))
                .and_then(|(id, range)| {
                    let lines = world.file(id).ok()?.lines().ok()?;
                    let (line, col) = lines.byte_to_line_column(range.start)?;
                    let file = if id == world.main.id() {
                        name.to_string()
                    } else {
                        id.vpath().get_without_slash().to_string()
                    };
                    Some(format!("{file}:{}:{}: ", line + 1, col + 1))
                });
            format!("{}{}", place.unwrap_or_default(), d.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
