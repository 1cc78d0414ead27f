//! What a Trainings or Credly file changes in an organisation, before anything is written:
//! the diff the user confirms (new achievements, renewed ones, new people, people no longer
//! present). Re-importing the same file changes nothing.

use super::trainings::AchievementsCheck;
use crate::model::{Achievement, Employee, Instant, Org, Sym};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub employee: String,
    pub credential: Sym,
    /// Written as text in the history and the JSON summary, as the org file writes it.
    pub passed_on: Instant,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    pub new_achievements: Vec<Change>,
    /// A credential the person held, passed again (or with a new expiry).
    pub renewed: Vec<Change>,
    /// Individuals of the file matched to no employee: new employees.
    pub new_people: Vec<String>,
    /// Employees with achievements from an earlier import of this source, absent from the file.
    pub no_longer_present: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.new_achievements.is_empty() && self.renewed.is_empty() && self.new_people.is_empty()
    }
}

/// The employees to add and to rewrite, and the diff that describes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub added: Vec<Employee>,
    /// (position in `org.employees`, the employee after the import)
    pub changed: Vec<(usize, Employee)>,
    pub diff: Diff,
}

/// What the history keeps of an import, written straight to JSON: a `json!` tree of a
/// 100,000-row diff cost a tenth of the import.
#[derive(Serialize)]
struct Detail<'a> {
    diff: StoredDiff<'a>,
    unmapped: ByTitle<'a>,
    errors: &'a [super::trainings::Problem],
    warnings: &'a [super::trainings::Problem],
}

/// The diff as the history keeps it: each change a `[employee, credential, passed_on]`
/// triple, not an object repeating its field names, which were a third of a 100,000-row
/// import's bytes written.
#[derive(Serialize)]
struct StoredDiff<'a> {
    new_achievements: Triples<'a>,
    renewed: Triples<'a>,
    new_people: &'a [String],
    no_longer_present: &'a [String],
}

struct Triples<'a>(&'a [Change]);

impl Serialize for Triples<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .map(|c| (&c.employee, &c.credential, &c.passed_on)),
        )
    }
}

/// Rows whose title maps to no credential, as the history keeps them: each title once, with
/// its lines.
struct ByTitle<'a>(&'a [(usize, String)]);

impl Serialize for ByTitle<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(super::trainings::by_title(
            self.0.iter().map(|(line, title)| (*line, title.as_str())),
        ))
    }
}

impl Diff {
    /// The history record of writing the plan of this diff, made from `check` of a `kind`
    /// file (`trainings` or `credly`).
    pub fn source(
        &self,
        check: &AchievementsCheck,
        kind: &str,
        file_name: &str,
        sha256: &str,
    ) -> crate::model::import::ImportSource {
        crate::model::import::ImportSource {
            kind: kind.into(),
            file_name: file_name.into(),
            sha256: sha256.into(),
            rows: check.data_rows,
            errors: check.errors.len(),
            detail: serde_json::to_string(&Detail {
                diff: StoredDiff {
                    new_achievements: Triples(&self.new_achievements),
                    renewed: Triples(&self.renewed),
                    new_people: &self.new_people,
                    no_longer_present: &self.no_longer_present,
                },
                unmapped: ByTitle(&check.unmapped),
                errors: &check.errors,
                warnings: &check.warnings,
            })
            .unwrap_or_default(),
            summary: format!(
                "{} new achievements, {} renewed, {} new people",
                self.new_achievements.len(),
                self.renewed.len(),
                self.new_people.len()
            ),
        }
    }
}

fn unique_id(base: &str, taken: &mut rustc_hash::FxHashSet<String>) -> String {
    let base: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    // Copied again only when there is something to lower (15,000 new people an export).
    let base = match base {
        b if b.is_empty() => "person".to_string(),
        b if b.bytes().any(|c| c.is_ascii_uppercase() || !c.is_ascii()) => b.to_lowercase(),
        b => b,
    };
    let mut id = base.clone();
    let (mut n, mut digits) = (2, itoa::Buffer::new());
    while taken.contains(&id) {
        id.truncate(base.len());
        id.push_str(digits.format(n));
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// An individual's employee: in `org.employees`, or in the plan's `added`.
#[derive(Clone, Copy)]
enum Target {
    Employee(usize),
    Added(usize),
}

/// A new employee for an individual the organisation does not have: the address at the
/// organisation's domain if any, the id from its local part.
fn new_employee(
    person: &super::trainings::Individual,
    at_domain: Option<&str>,
    ids: &mut rustc_hash::FxHashSet<String>,
) -> Employee {
    let email = person
        .emails
        .iter()
        .find(|e| at_domain.is_some_and(|d| e.ends_with(d)))
        .or(person.emails.first())
        .cloned()
        .unwrap_or_default();
    let local = email.split('@').next().unwrap_or_default();
    let name = [person.first_name.as_str(), &person.last_name].join(" ");
    let name = name.trim();
    let mut e = Employee::new(
        &unique_id(local, ids),
        if name.is_empty() { local } else { name },
        &email,
    );
    e.first_name = Some(person.first_name.clone()).filter(|s| !s.is_empty());
    e.last_name = Some(person.last_name.clone()).filter(|s| !s.is_empty());
    e
}

/// Plans the import of a checked file; `source` marks the achievements (`trainings-import`).
pub fn plan(org: &Org, check: &AchievementsCheck, source: &str) -> Plan {
    let by_mcid: HashMap<&str, usize> = org
        .employees
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.mcid.as_deref().map(|m| (m, i)))
        .collect();
    let by_email: HashMap<String, usize> = org
        .employees
        .iter()
        .enumerate()
        .map(|(i, e)| (e.email.to_lowercase(), i))
        .collect();
    let mut ids: rustc_hash::FxHashSet<String> =
        org.employees.iter().map(|e| e.id.clone()).collect();
    let at_domain = org.domain.as_deref().map(|d| format!("@{d}"));
    let mut plan = Plan::default();
    // Room for every individual and row up front: 20,000 new people (a quarter of a KB each)
    // and 100,000 changes grown by doubling were copied and faulted in again at each step.
    plan.added.reserve(check.individuals.len());
    plan.diff.new_achievements.reserve(check.found.len());
    let mut working: HashMap<usize, Employee> = HashMap::default();
    let mut present: rustc_hash::FxHashSet<usize> = Default::default();
    let source_sym = Sym::new(source);
    // Each individual's employee, found or made once (a 100,000-row export has 20,000).
    let mut target: Vec<Option<Target>> = vec![None; check.individuals.len()];
    for f in &check.found {
        let person = &check.individuals[f.individual];
        let t = *target[f.individual].get_or_insert_with(|| {
            let matched = person
                .mcpid
                .as_deref()
                .and_then(|m| by_mcid.get(m))
                .or_else(|| person.emails.iter().find_map(|e| by_email.get(e)));
            match matched {
                Some(&i) => Target::Employee(i),
                None => {
                    let e = new_employee(person, at_domain.as_deref(), &mut ids);
                    plan.diff.new_people.push(e.id.clone());
                    plan.added.push(e);
                    Target::Added(plan.added.len() - 1)
                }
            }
        });
        let employee: &mut Employee = match t {
            Target::Employee(i) => {
                present.insert(i);
                working.entry(i).or_insert_with(|| org.employees[i].clone())
            }
            Target::Added(k) => &mut plan.added[k],
        };
        // The export proves the association (design decision, §8.1).
        if employee.associated_on.is_none() {
            employee.associated_on = Some(person.first_completion);
        }
        if employee.mcid.is_none() {
            employee.mcid = person.mcpid.clone();
        }
        let change = Change {
            employee: employee.id.clone(),
            credential: f.credential,
            passed_on: f.passed_on,
        };
        match employee
            .achievements
            .iter_mut()
            .find(|a| a.credential == f.credential && a.passed_on == f.passed_on)
        {
            Some(same) if same.expires_on == f.expires_on => {}
            Some(same) => {
                same.expires_on = f.expires_on;
                plan.diff.renewed.push(change);
            }
            None => {
                let held_before = employee
                    .achievements
                    .iter()
                    .any(|a| a.credential == f.credential && a.passed_on < f.passed_on);
                employee.achievements.push(Achievement {
                    credential: f.credential,
                    passed_on: f.passed_on,
                    expires_on: f.expires_on,
                    inactive: false,
                    source: Some(source_sym),
                });
                if held_before {
                    plan.diff.renewed.push(change)
                } else {
                    plan.diff.new_achievements.push(change)
                }
            }
        }
    }
    plan.diff.no_longer_present = org
        .employees
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            !present.contains(i)
                && e.achievements
                    .iter()
                    .any(|a| a.source.as_deref() == Some(source))
        })
        .map(|(_, e)| e.id.clone())
        .collect();
    let mut changed: Vec<(usize, Employee)> = working
        .into_iter()
        .filter(|(i, e)| org.employees[*i] != *e)
        .collect();
    changed.sort_by_key(|(i, _)| *i);
    plan.changed = changed;
    plan
}
