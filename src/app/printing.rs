//! The print dialog's state and commands: award summaries rendered and printed (or saved as
//! PDF) on a worker thread, the system's printers listed the same way.

use super::AttainApp;
use super::dialogs::FileFor;
use super::jobs::{Job, ON_WORKER};
use crate::report::AwardRequest;
/// The paper sizes the print dialog offers (the report's, named here for the panels).
pub use crate::report::Paper;
use crate::report::print::{PrintJob, print_pdf};
use std::path::PathBuf;

/// What the dialog prints: the whole organisation, one competency, or the business profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Organisation,
    Competency(String),
    Profile,
}

/// The print dialog: the system's printers (listed by a worker) and the user's choices.
pub struct PrintDialog {
    pub printers: Job<Result<crate::report::print::Printers, String>>,
    pub form: PrintForm,
    /// The list has arrived and the system default (if any) was chosen from it.
    pub preselected: bool,
}

impl PrintDialog {
    /// Once the printers are listed: the system default, by name, is the one chosen. Without
    /// one nothing is chosen (the user picks; the first in the list is no one's choice).
    fn preselect(&mut self) {
        if let Some(Ok((_, default))) = &self.printers.result
            && !self.preselected
        {
            self.preselected = true;
            if self.form.printer.is_none() {
                self.form.printer = default.clone();
            }
        }
    }
}

/// What the user chose in the print dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintForm {
    /// `None`: none chosen yet (the system has no default printer, or the list is coming).
    pub printer: Option<String>,
    pub copies: u32,
    pub paper: Paper,
    pub scope: Scope,
    pub lang: crate::i18n::Lang,
    /// A user's copy of the template, if chosen.
    pub template: Option<PathBuf>,
}

impl PrintForm {
    /// What the dialog's choices ask for.
    pub fn request(&self) -> AwardRequest {
        AwardRequest {
            competency: match &self.scope {
                Scope::Competency(id) => Some(id.clone()),
                _ => None,
            },
            profile: self.scope == Scope::Profile,
            paper: self.paper,
        }
    }
}

/// Where a finished render goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Printer(PrintJob),
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub enum PrintCommand {
    Open,
    /// The user changed a choice in the dialog.
    Set(PrintForm),
    Close,
    Print,
    SaveDialog,
    SaveTo(PathBuf),
    PickTemplate,
    /// The typst template chosen.
    TemplateFrom(std::path::PathBuf),
    ClearTemplate,
}

impl AttainApp {
    pub(super) fn run_print(&mut self, cmd: PrintCommand) {
        match cmd {
            PrintCommand::Open => {
                let mut printers = Job::default();
                // Listed by a worker: lpstat can take seconds when a queue is unreachable.
                printers.start(
                    "printers",
                    ON_WORKER,
                    &self.waker,
                    crate::report::print::printers,
                );
                self.print = Some(PrintDialog {
                    printers,
                    preselected: false,
                    form: PrintForm {
                        printer: None,
                        copies: 1,
                        paper: if self.tr.lang() == crate::i18n::Lang::En
                            && sys_locale::get_locale().is_some_and(|l| l.ends_with("US"))
                        {
                            Paper::Letter
                        } else {
                            Paper::A4
                        },
                        scope: Scope::default(),
                        lang: self.tr.lang(),
                        template: None,
                    },
                });
            }
            PrintCommand::Close => self.print = None,
            PrintCommand::Set(form) => {
                if let Some(d) = &mut self.print {
                    d.form = form;
                }
            }
            PrintCommand::Print => {
                let Some(d) = &self.print else { return };
                let (req, f) = (d.form.request(), &d.form);
                let job = PrintJob {
                    printer: f.printer.clone(),
                    copies: f.copies,
                    paper: f.paper,
                    title: crate::report::job_title(&self.org, &req, &crate::i18n::Tr::new(f.lang)),
                };
                self.render_to(Target::Printer(job));
            }
            PrintCommand::SaveDialog => {
                let name = format!("{}.pdf", self.org.name.replace(['/', '\\', ':'], "_"));
                self.ask_file(FileFor::SavePdf, Some(name));
            }
            PrintCommand::SaveTo(path) => {
                self.remember_folder(&path);
                self.render_to(Target::File(path));
            }
            PrintCommand::PickTemplate => self.ask_file(FileFor::PrintTemplate, None),
            PrintCommand::TemplateFrom(path) => {
                self.remember_folder(&path);
                if let Some(d) = &mut self.print {
                    d.form.template = Some(path);
                }
            }
            PrintCommand::ClearTemplate => {
                if let Some(d) = &mut self.print {
                    d.form.template = None;
                }
            }
        }
    }

    /// Renders the dialog's summary on a worker and sends it to `target`.
    fn render_to(&mut self, target: Target) {
        let Some(d) = &self.print else { return };
        let req = d.form.request();
        let (catalog, org, as_of) = (self.catalog.clone(), self.org.clone(), self.as_of());
        let (lang, template) = (d.form.lang, d.form.template.clone());
        // On a worker: typst takes tens of milliseconds even for a small summary.
        self.printing
            .start("print", ON_WORKER, &self.waker, move || {
                let tr = crate::i18n::Tr::new(lang);
                let template = template
                    .as_deref()
                    .map(crate::report::Template::read)
                    .transpose()?;
                let pdf =
                    crate::report::award_pdf(&catalog, &org, as_of, &req, &tr, template.as_ref())?;
                match target {
                    Target::Printer(job) => print_pdf(&pdf, &job).map(|out| {
                        tr.t(
                            "print-sent",
                            &[
                                ("printer", job.printer.unwrap_or_default()),
                                ("service", out),
                            ],
                        )
                    }),
                    Target::File(path) => crate::io::write_atomic(&path, &pdf)
                        .map(|()| tr.t("print-saved", &[("file", path.display().to_string())]))
                        .map_err(|e| format!("{}: {e}", path.display())),
                }
            });
        self.print = None;
    }

    /// Takes a finished render (called every frame).
    pub(super) fn poll_printing(&mut self) {
        if let Some(d) = &mut self.print {
            d.printers.poll();
            d.preselect();
        }
        match self.printing.finished() {
            None => {}
            Some(None) => self.fail(self.t("error-worker-stopped")),
            Some(Some(Ok(msg))) => self.ok(msg),
            Some(Some(Err(e))) => self.fail(self.tr.t("print-failed", &[("error", e)])),
        }
    }

    /// True while a summary is being rendered or printed.
    pub fn printing_busy(&self) -> bool {
        self.printing.busy()
    }
}
