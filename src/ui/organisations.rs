//! Organisations: switch, create, rename, market, domain; export to and load from org files.

use super::confirm::Confirm;
use super::widgets::labelled_field;
use crate::app::{AttainApp, Command};
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

pub fn organisations_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    ui.heading(app.t("panel-organisations"));
    egui::Grid::new("orgs")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for o in app.orgs.clone() {
                if ui.selectable_label(o.id == app.org_id, &o.name).clicked() {
                    cmds.push(Command::SelectOrg(o.id));
                }
                ui.label(app.tr.t(
                    "organisations-employees",
                    &[("count", o.employees.to_string())],
                ));
                if ui
                    .small_button("✖")
                    .on_hover_text(app.t("organisations-delete"))
                    .clicked()
                {
                    app.view.confirm = Some(Confirm {
                        title: app
                            .tr
                            .t("organisations-delete-title", &[("name", o.name.clone())]),
                        body: vec![app.t("organisations-delete-body")],
                        yes: app.t("organisations-delete"),
                        command: Command::DeleteOrg(o.id),
                    });
                }
                ui.end_row();
            }
        });
    ui.separator();
    details_ui(app, ui, cmds);
    ui.separator();
    ui.strong(app.t("organisations-new"));
    let v = &mut app.view.organisations;
    ui.horizontal_wrapped(|ui| {
        labelled_field(
            ui,
            &app.tr.t("organisations-name", &[]),
            &mut v.new_name,
            200.0,
        );
        labelled_field(
            ui,
            &app.tr.t("organisations-domain", &[]),
            &mut v.new_domain,
            140.0,
        );
        ui.checkbox(
            &mut v.new_developing,
            app.tr.t("organisations-developing", &[]),
        );
        if ui.button(app.tr.t("organisations-create", &[])).clicked()
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
            .button(app.t("organisations-export"))
            .on_hover_text("Ctrl+S")
            .clicked()
        {
            cmds.push(Command::ExportOrgDialog);
        }
        if ui
            .button(app.t("organisations-load"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            cmds.push(Command::LoadOrgDialog);
        }
    });
}

fn details_ui(app: &mut AttainApp, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
    let org = &app.org;
    let fresh = (
        app.org_id,
        org.name.clone(),
        org.market == Market::Developing,
        org.domain.clone().unwrap_or_default(),
    );
    let details = &mut app.view.organisations.details;
    if details.as_ref().is_none_or(|(base, _)| *base != fresh) {
        *details = Some((fresh.clone(), fresh));
    }
    let Some((_, d)) = details.as_mut() else {
        return;
    };
    ui.strong(app.tr.t("organisations-current", &[]));
    ui.horizontal_wrapped(|ui| {
        labelled_field(ui, &app.tr.t("organisations-name", &[]), &mut d.1, 200.0);
        labelled_field(ui, &app.tr.t("organisations-domain", &[]), &mut d.3, 140.0);
        ui.checkbox(&mut d.2, app.tr.t("organisations-developing", &[]));
        if ui.button(app.tr.t("button-save", &[])).clicked() {
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
