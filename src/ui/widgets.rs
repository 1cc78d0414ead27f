//! Small pieces shared by the panels: level badges, date fields, colours.

use crate::app::{Command, ViewCtx};
use crate::eval::LevelName;
use crate::i18n::Tr;
use egui::{Color32, RichText};

pub const GOLD: Color32 = Color32::from_rgb(0xC9, 0x9A, 0x06);
pub const SILVER: Color32 = Color32::from_rgb(0x8A, 0x94, 0xA6);
pub const RED: Color32 = Color32::from_rgb(0xD0, 0x3B, 0x3B);
pub const AMBER: Color32 = Color32::from_rgb(0xE0, 0x8A, 0x00);
pub const GREEN: Color32 = Color32::from_rgb(0x2E, 0x9D, 0x4F);

pub fn level_color(l: LevelName) -> Color32 {
    match l {
        LevelName::Gold => GOLD,
        LevelName::Silver => SILVER,
        LevelName::None => Color32::GRAY,
    }
}

pub fn level_text(tr: &Tr, l: LevelName) -> RichText {
    RichText::new(tr.level(l)).color(level_color(l)).strong()
}

/// A labelled single-line text field, findable by its label in tests and screen readers.
pub fn labelled_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    width: f32,
) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// Adds DejaVu Sans as a fallback font: arrows, warning signs and scripts the default font
/// lacks (Cyrillic, more of Greek and Latin Extended) render on every OS.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let data = egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf"));
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new("DejaVuSans", data, families));
}

/// Frames a second of a spinner: enough to show work going on. egui's own spinner asks for
/// every frame, and on a software renderer (no GPU) 60 frames a second took a core from the
/// evaluation the spinner was waiting for.
const SPINNER_FPS: u64 = 12;

/// A spinner, drawn as egui's is, redrawn `SPINNER_FPS` times a second.
pub fn spinner_ui(ui: &mut egui::Ui) -> egui::Response {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::accesskit::Role::ProgressIndicator));
    if ui.is_rect_visible(rect) {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(1000 / SPINNER_FPS));
        let radius = rect.height().min(rect.width()) * 0.5 - 2.0;
        let n = (radius.round() as u32).clamp(8, 128);
        let time = ui.input(|i| i.time);
        let start = time * std::f64::consts::TAU;
        let end = start + 240f64.to_radians() * time.sin();
        let points: Vec<egui::Pos2> = (0..n)
            .map(|i| {
                let (sin, cos) =
                    egui::emath::lerp(start..=end, f64::from(i) / f64::from(n)).sin_cos();
                rect.center() + radius * egui::vec2(cos as f32, sin as f32)
            })
            .collect();
        ui.painter().add(egui::Shape::line(
            points,
            egui::Stroke::new(3.0, ui.visuals().strong_text_color()),
        ));
    }
    response
}

/// What a panel shows while the evaluation it draws is not there yet: why, if it failed, else
/// a spinner and what is being done (seconds at 100,000 people).
pub fn evaluating_ui(ctx: &ViewCtx, ui: &mut egui::Ui) {
    if let Some(e) = ctx.eval.error.as_ref().filter(|_| !ctx.eval.busy()) {
        ui.colored_label(RED, e);
        return;
    }
    if ctx.busy.loading {
        loading_ui(ctx, ui);
        return;
    }
    ui.horizontal(|ui| {
        spinner_ui(ui);
        let people = ctx.org.employees.len().to_string();
        ui.weak(ctx.tr.t("panel-evaluating", &[("count", people)]));
    });
}

/// What a panel shows while the organisation is still being read.
pub fn loading_ui(ctx: &ViewCtx, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        spinner_ui(ui);
        ui.weak(ctx.t("top-loading"));
    });
}

/// A result the user asks for: the button until asked, a spinner while it is computed, the
/// error in red, then the value.
pub fn on_request_ui<'a, T>(
    ui: &mut egui::Ui,
    job: &'a crate::app::jobs::Job<Result<T, String>>,
    labels: (&str, &str),
    ask: crate::app::Command,
    cmds: &mut Vec<crate::app::Command>,
) -> Option<&'a T> {
    let (button, running) = labels;
    if job.result.is_none() && !job.busy() {
        if ui.button(button).clicked() {
            cmds.push(ask);
        }
        return None;
    }
    if job.busy() {
        ui.horizontal(|ui| {
            spinner_ui(ui);
            ui.label(running);
        });
    }
    match job.result.as_ref()? {
        Ok(v) => Some(v),
        Err(e) => {
            ui.colored_label(RED, e);
            None
        }
    }
}

/// A person's display name: from the names the evaluation collected (everyone the report,
/// reminders and timeline name; no scan of the organisation per frame), else from the
/// organisation, else the id.
pub fn person_name(ctx: &crate::app::ViewCtx, id: &str) -> String {
    if let Some(name) = ctx.eval.names.as_deref().and_then(|n| n.get(id)) {
        return name.clone();
    }
    ctx.org
        .employees
        .iter()
        .find(|e| e.id == id)
        .map_or_else(|| id.to_string(), |e| e.display_name.clone())
}

/// A person as a link: the display name, the id on hover.
pub fn person_link(ctx: &crate::app::ViewCtx, ui: &mut egui::Ui, id: &str) -> egui::Response {
    ui.link(person_name(ctx, id)).on_hover_text(id)
}

/// True when `hay` contains `needle` (already lower case), ignoring case, without allocating
/// for ASCII text: a list searched on every frame at 100,000 people.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if hay.is_ascii() && needle.is_ascii() {
        let n = needle.as_bytes();
        return hay
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n));
    }
    hay.to_lowercase().contains(needle)
}

/// One entry of a searchable list: its id, the line shown, and its hover text.
struct Choice<'a> {
    id: &'a str,
    line: String,
    hover: &'a str,
}

/// A combo box whose list opens with a search field (any case) and shows the first `max`
/// matches; choosing one sets `id`.
#[allow(clippy::too_many_arguments)]
fn searchable<'a, I>(
    ui: &mut egui::Ui,
    label: &str,
    shown: String,
    hint: String,
    id: &mut String,
    query: &mut String,
    width: f32,
    choices: impl FnOnce(&str) -> I,
) -> egui::Response
where
    I: Iterator<Item = Choice<'a>>,
{
    let l = ui.label(label);
    // egui's width is the button's least: a long choice (a credential's title) widened it and
    // moved what stands after it, under the pointer. Kept to `width`, truncated, whole on hover.
    let full = shown.clone();
    let picker = ui.scope(|ui| {
        ui.set_max_width(width);
        egui::ComboBox::from_id_salt(("picker", label))
            .selected_text(shown)
            .width(width)
            .height(320.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.add(
                    egui::TextEdit::singleline(query)
                        .hint_text(hint)
                        .desired_width(width + 60.0),
                )
                .request_focus();
                let q = query.trim().to_lowercase();
                for c in choices(&q).take(60) {
                    if ui
                        .selectable_label(*id == c.id, c.line)
                        .on_hover_text(c.hover)
                        .clicked()
                    {
                        *id = c.id.to_string();
                        query.clear();
                    }
                }
            })
    });
    picker.inner.response.on_hover_text(full).labelled_by(l.id)
}

/// Chooses a person from a searchable list (name, email, id or MCID; any case). `id` holds
/// the chosen person's id, `query` the search typed in the list.
pub fn person_picker(
    ctx: &crate::app::ViewCtx,
    ui: &mut egui::Ui,
    label: &str,
    id: &mut String,
    query: &mut String,
) -> egui::Response {
    let shown = if id.is_empty() {
        ctx.t("picker-choose-person")
    } else {
        person_name(ctx, id)
    };
    let hint = ctx.t("picker-search-person");
    searchable(ui, label, shown, hint, id, query, 200.0, |q| {
        let q = q.to_string();
        ctx.org
            .employees
            .iter()
            .filter(move |e| {
                contains_ci(&e.display_name, &q)
                    || contains_ci(&e.email, &q)
                    || contains_ci(&e.id, &q)
                    || e.mcid.as_deref().is_some_and(|m| contains_ci(m, &q))
            })
            .map(|e| Choice {
                id: &e.id,
                line: format!("{} — {}", e.display_name, e.email),
                hover: &e.id,
            })
    })
}

/// Chooses a credential from a searchable list (code or title; any case); the Solutions
/// Partner designations' own credentials too when `designations`.
pub fn credential_picker(
    ctx: &crate::app::ViewCtx,
    ui: &mut egui::Ui,
    label: &str,
    (id, query): (&mut String, &mut String),
    designations: bool,
) -> egui::Response {
    let shown = if id.is_empty() {
        ctx.t("picker-choose-credential")
    } else {
        ctx.catalog.credential_title(id).to_string()
    };
    let hint = ctx.t("picker-search-credential");
    searchable(ui, label, shown, hint, id, query, 260.0, |q| {
        let q = q.to_string();
        let legacy = ctx
            .catalog
            .credentials
            .iter()
            .map(|c| (&c.id, &c.title, &c.aliases));
        // Designation credentials too; a shared id (designations.md DD19) is listed once.
        let spp = ctx
            .catalog
            .designations
            .iter()
            .flat_map(|d| d.credentials.iter())
            .filter(move |c| designations && !ctx.catalog.credentials.iter().any(|k| k.id == c.id))
            .map(|c| (&c.id, &c.title, &c.aliases));
        legacy
            .chain(spp)
            .filter(move |(id, title, aliases)| {
                contains_ci(id, &q)
                    || contains_ci(title, &q)
                    || aliases.iter().any(|a| contains_ci(a, &q))
            })
            .map(|(id, title, _)| Choice {
                id,
                line: format!("{id} — {title}"),
                hover: title,
            })
    })
}

/// A designation's name without the programme's prefix ("Security"), or the id.
pub fn designation_name(ctx: &crate::app::ViewCtx, id: &str) -> String {
    ctx.catalog
        .designations
        .as_deref()
        .and_then(|c| c.designation(id))
        .map_or_else(
            || id.to_string(),
            |d| {
                d.name
                    .trim_start_matches("Solutions Partner for ")
                    .to_string()
            },
        )
}

/// A metric's or a designation figure's name in the window.
pub fn metric_name(ctx: &crate::app::ViewCtx, id: &str) -> String {
    match ctx
        .catalog
        .designations
        .as_deref()
        .and_then(|c| c.figure(id))
    {
        Some(f) => f.description.clone(),
        None => ctx.t(&format!("metric-{}", id.replace('_', "-"))),
    }
}

/// One competency's level before and after, on a line: "Messaging: Gold → Silver".
pub fn level_change_ui(
    ctx: &crate::app::ViewCtx,
    ui: &mut egui::Ui,
    competency: &str,
    from: LevelName,
    to: LevelName,
) {
    ui.horizontal(|ui| {
        ui.label(format!("{}:", ctx.catalog.competency_name(competency)));
        ui.label(level_text(ctx.tr, from));
        ui.label("→");
        ui.label(level_text(ctx.tr, to));
    });
}

/// A link in a row of links: its text, its hover text, and what it opens.
pub struct Link {
    pub text: String,
    pub hover: Option<String>,
    pub opens: Command,
}

/// The width `text` takes on one line in the body style, with the spacing after it.
pub fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
        + ui.spacing().item_spacing.x
}

/// The links on one line: those past the width (less `reserve`, kept for what follows) go
/// into a "+N more" menu, so that an alert or banner naming a dozen competencies keeps its
/// row (and its panel) its width.
pub fn links_ui(
    ctx: &ViewCtx,
    ui: &mut egui::Ui,
    links: &[Link],
    reserve: f32,
    cmds: &mut Vec<Command>,
) {
    let more = |n: usize| ctx.tr.t("alerts-more", &[("count", n.to_string())]);
    let width = |ui: &egui::Ui, text: &str| text_width(ui, text);
    let link_ui = |ui: &mut egui::Ui, l: &Link, cmds: &mut Vec<Command>| {
        let r = ui.link(&l.text);
        let r = match &l.hover {
            Some(h) => r.on_hover_text(h),
            None => r,
        };
        if r.clicked() {
            cmds.push(l.opens.clone());
        }
        r.clicked()
    };
    ui.horizontal(|ui| {
        let button = width(ui, &more(links.len())) + 2.0 * ui.spacing().button_padding.x;
        let mut shown = 0;
        for (i, l) in links.iter().enumerate() {
            let menu = if i + 1 == links.len() { 0.0 } else { button };
            if i > 0 && ui.available_width() < width(ui, &l.text) + menu + reserve {
                break;
            }
            link_ui(ui, l, cmds);
            shown += 1;
        }
        if shown < links.len() {
            ui.menu_button(more(links.len() - shown), |ui| {
                for l in &links[shown..] {
                    if link_ui(ui, l, cmds) {
                        ui.close();
                    }
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::contains_ci;

    #[test]
    fn search_ignores_case_in_ascii_and_beyond() {
        assert!(contains_ci("Federica Marino", "marino"));
        assert!(contains_ci(
            "federica.marino@contoso.it",
            "ICA.M".to_lowercase().as_str()
        ));
        assert!(contains_ci("Niccolò Bianchi", "niccolò"));
        assert!(contains_ci("anything", ""));
        assert!(!contains_ci("Anna", "annalisa"));
    }
}
