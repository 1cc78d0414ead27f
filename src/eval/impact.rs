//! What an edit does to the competency levels: the confirmation before a leaver, a removal or a
//! dissociation says which levels it lowers, and from when.

use crate::eval::{Engine, LevelName};
use crate::model::{Catalog, Edit, Instant, Org};

/// When the edit's consequence starts: a leaving or dissociation instant.
pub fn effect_instant(edit: &Edit) -> Option<Instant> {
    match edit {
        Edit::SetLeaver {
            left_on: Some(t), ..
        }
        | Edit::Dissociate { at: t, .. } => Some(*t),
        _ => None,
    }
}

/// The competencies whose level at `t` is lower with `edit` applied: (competency index,
/// before, after). `before` is the levels at `t` when the caller has them already.
pub fn level_drops(
    catalog: &Catalog,
    org: &Org,
    edit: &Edit,
    t: Instant,
    before: Option<Vec<LevelName>>,
) -> Vec<(usize, LevelName, LevelName)> {
    let levels = |org: &Org| {
        Engine::new(catalog, org)
            .map(|e| e.levels_at(t))
            .unwrap_or_default()
    };
    let mut after_org = org.clone();
    if edit.apply(&mut after_org).is_err() {
        return Vec::new();
    }
    let after = levels(&after_org);
    drop(after_org);
    let before = before.unwrap_or_else(|| levels(org));
    before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (b, a))| a < b)
        .map(|(i, (b, a))| (i, *b, *a))
        .collect()
}
