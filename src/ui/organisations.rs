//! Organisations: switch, create, rename, market, domain; export to and load from org files.

use super::widgets::labelled_field;
use crate::app::edit::Confirm;
use crate::app::{Command, ViewCtx};
use crate::model::{Edit, Market};

/// Id, name, developing market, domain.
type OrgFields = (i64, String, bool, String);

#[derive(Default)]
pub struct OrganisationsView {
    pub new_name: String,
    pub new_domain: String,
    pub new_developing: bool,
    /// The current organisation's fields as stored, and as being edited: when the stored
    /// ones change (undo, another attain, another organisation) the form follows.
    pub details: Option<(OrgFields, OrgFields)>,
}

pub fn organisations_ui(
    ctx: &ViewCtx,
    view: &mut OrganisationsView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    ui.heading(ctx.t("panel-organisations"));
    egui::Grid::new("orgs")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for o in ctx.orgs {
                if ui.selectable_label(o.id == ctx.org_id, &o.name).clicked() {
                    cmds.push(Command::SelectOrg(o.id));
                }
                ui.label(ctx.tr.t(
                    "organisations-employees",
                    &[("count", o.employees.to_string())],
                ));
                if ui
                    .small_button("✖")
                    .on_hover_text(ctx.t("organisations-delete"))
                    .clicked()
                {
                    cmds.push(Command::Ask(Box::new(Confirm {
                        title: ctx
                            .tr
                            .t("organisations-delete-title", &[("name", o.name.clone())]),
                        body: vec![ctx.t("organisations-delete-body")],
                        yes: ctx.t("organisations-delete"),
                        command: Command::DeleteOrg(o.id),
                        other: None,
                    })));
                }
                ui.end_row();
            }
        });
    ui.separator();
    details_ui(ctx, view, ui, cmds);
    ui.separator();
    ui.strong(ctx.t("organisations-new"));
    let v = &mut *view;
    ui.horizontal_wrapped(|ui| {
        labelled_field(
            ui,
            &ctx.tr.t("organisations-name", &[]),
            &mut v.new_name,
            200.0,
        );
        labelled_field(
            ui,
            &ctx.tr.t("organisations-domain", &[]),
            &mut v.new_domain,
            140.0,
        );
        ui.checkbox(
            &mut v.new_developing,
            ctx.tr.t("organisations-developing", &[]),
        );
        if ui.button(ctx.tr.t("organisations-create", &[])).clicked()
            && !v.new_name.trim().is_empty()
        {
            let market = if v.new_developing {
                Market::Developing
            } else {
                Market::Developed
            };
            cmds.push(Command::CreateOrg {
                name: v.new_name.clone(),
                market,
                domain: Some(v.new_domain.clone()),
            });
            *v = OrganisationsView::default();
        }
    });
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .button(ctx.t("organisations-export"))
            .on_hover_text("Ctrl+S")
            .clicked()
        {
            cmds.push(Command::ExportOrgDialog);
        }
        if ui
            .button(ctx.t("organisations-load"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            cmds.push(Command::LoadOrgDialog);
        }
    });
}

fn details_ui(
    ctx: &ViewCtx,
    view: &mut OrganisationsView,
    ui: &mut egui::Ui,
    cmds: &mut Vec<Command>,
) {
    let org = ctx.org;
    let fresh = (
        ctx.org_id,
        org.name.clone(),
        org.market == Market::Developing,
        org.domain.clone().unwrap_or_default(),
    );
    let details = &mut view.details;
    if details.as_ref().is_none_or(|(base, _)| *base != fresh) {
        *details = Some((fresh.clone(), fresh));
    }
    let Some((_, d)) = details.as_mut() else {
        return;
    };
    ui.strong(ctx.tr.t("organisations-current", &[]));
    ui.horizontal_wrapped(|ui| {
        labelled_field(ui, &ctx.tr.t("organisations-name", &[]), &mut d.1, 200.0);
        labelled_field(ui, &ctx.tr.t("organisations-domain", &[]), &mut d.3, 140.0);
        ui.checkbox(&mut d.2, ctx.tr.t("organisations-developing", &[]));
        if ui.button(ctx.tr.t("button-save", &[])).clicked() {
            let domain = Some(d.3.trim().to_string()).filter(|s| !s.is_empty());
            let market = if d.2 {
                Market::Developing
            } else {
                Market::Developed
            };
            cmds.push(Command::Edit(Edit::SetOrgDetails {
                name: d.1.trim().to_string(),
                market,
                domain,
            }));
        }
    });
}
