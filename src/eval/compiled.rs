//! The catalog compiled for fast evaluation: credentials become bits, expressions bit tests.

use crate::model::{Catalog, Clause, Expr, Step};
use rustc_hash::FxHashMap as HashMap;

/// A set of credential indices; 256 credentials per catalog at most (the 2018 one has 118).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CredSet([u64; 4]);

pub const MAX_CREDENTIALS: usize = 256;

impl CredSet {
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    pub fn intersects(&self, o: &CredSet) -> bool {
        self.0.iter().zip(o.0).any(|(a, b)| a & b != 0)
    }
    pub fn contains_all(&self, o: &CredSet) -> bool {
        self.0.iter().zip(o.0).all(|(a, b)| a & b == b)
    }
    pub fn union_with(&mut self, o: &CredSet) {
        self.0.iter_mut().zip(o.0).for_each(|(a, b)| *a |= b);
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    /// The members in increasing index order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + b
                })
            })
        })
    }
}

/// An expression over one person's credentials.
#[derive(Debug, Clone)]
pub enum CExpr {
    Any(CredSet),
    All(CredSet),
    Alt(Vec<CExpr>),
    Focus(Vec<CredSet>),
}

impl CExpr {
    pub fn holds(&self, h: &CredSet) -> bool {
        match self {
            CExpr::Any(s) => h.intersects(s),
            CExpr::All(s) => h.contains_all(s),
            CExpr::Alt(alts) => alts.iter().any(|e| e.holds(h)),
            CExpr::Focus(areas) => areas.iter().any(|a| h.contains_all(a)),
        }
    }
}

/// One class of slots: how many, what a person must hold (all of `preds`), and its words.
#[derive(Debug, Clone)]
pub struct SlotClass {
    pub count: u32,
    pub preds: Vec<CExpr>,
    pub words: String,
}

#[derive(Debug, Clone)]
pub struct CSkill {
    /// In slot order: the k_of_same slots, the other N − k, each `different` clause.
    pub classes: Vec<SlotClass>,
    /// `same_or_different` clauses: M people satisfying the expression.
    pub sod: Vec<SlotClass>,
    pub required_people: u32,
}

#[derive(Debug, Clone)]
pub struct CPerf {
    pub metric: usize,
    pub developed: f64,
    pub developing: Option<f64>,
}

#[derive(Debug, Clone)]
pub enum CStep {
    Perf(CPerf),
    Skill(CSkill),
}

#[derive(Debug, Clone)]
pub struct COption {
    pub silver: Option<Vec<CStep>>,
    pub gold: Option<Vec<CStep>>,
}

#[derive(Debug, Clone)]
pub struct CCompetency {
    pub options: Vec<COption>,
    /// Every credential its requirements list (for alerts).
    pub listed: CredSet,
}

/// The compiled catalog.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub cred_index: HashMap<String, usize>,
    pub metric_index: HashMap<String, usize>,
    pub competencies: Vec<CCompetency>,
    /// Last day each credential could be earned, and the last day it counts.
    pub retires: Vec<Option<crate::model::Day>>,
    pub counts_until: Vec<Option<crate::model::Day>>,
    pub is_assessment: Vec<bool>,
    /// In seconds, per credential: the first instant it no longer counts (after its grace),
    /// and the first instant after its retirement day (`i64::MAX` when undated).
    pub retire_end: Vec<i64>,
    pub retired_from: Vec<i64>,
    /// Each credential's position in byte order of ids (reports list ids sorted so).
    pub rank: Vec<usize>,
    pub cred_ids: Vec<std::sync::Arc<str>>,
    /// The same ids interned (4 bytes each in the report's and the reminders' long lists).
    pub cred_syms: Vec<crate::model::Sym>,
    /// By interned id: the credential.
    pub by_sym: SymIndex,
    pub comp_ids: Vec<std::sync::Arc<str>>,
}

impl Compiled {
    pub fn new(catalog: &Catalog) -> Result<Self, String> {
        if catalog.credentials.len() > MAX_CREDENTIALS {
            return Err(format!(
                "the catalog has {} credentials; attain handles at most {MAX_CREDENTIALS}",
                catalog.credentials.len()
            ));
        }
        let cred_index: HashMap<String, usize> = catalog
            .credentials
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let metric_index: HashMap<String, usize> = catalog
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let day = |s: &Option<String>| s.as_deref().and_then(|d| crate::model::Day::parse(d).ok());
        let retires: Vec<_> = catalog
            .credentials
            .iter()
            .map(|c| day(&c.retires))
            .collect();
        let counts_until: Vec<_> = catalog
            .credentials
            .iter()
            .zip(&retires)
            .map(|(c, r)| day(&c.counts_until).or(*r))
            .collect();
        let is_assessment = catalog
            .credentials
            .iter()
            .map(|c| c.kind == crate::model::CredentialKind::Assessment)
            .collect();
        let mut compiler = Compiler {
            cred_index: &cred_index,
            metric_index: &metric_index,
        };
        let competencies = catalog
            .competencies
            .iter()
            .map(|comp| {
                let mut listed = CredSet::default();
                let options = comp
                    .options
                    .iter()
                    .map(|o| COption {
                        silver: o.silver.as_ref().map(|s| compiler.steps(s, &mut listed)),
                        gold: o.gold.as_ref().map(|s| compiler.steps(s, &mut listed)),
                    })
                    .collect();
                CCompetency { options, listed }
            })
            .collect();
        let mut by_id: Vec<usize> = (0..catalog.credentials.len()).collect();
        by_id.sort_by(|a, b| {
            catalog.credentials[*a]
                .id
                .as_bytes()
                .cmp(catalog.credentials[*b].id.as_bytes())
        });
        let mut rank = vec![0; by_id.len()];
        by_id.iter().enumerate().for_each(|(r, c)| rank[*c] = r);
        let comp_ids = catalog
            .competencies
            .iter()
            .map(|c| std::sync::Arc::from(c.id.as_str()))
            .collect();
        let end_secs = |d: &Option<crate::model::Day>| d.map_or(i64::MAX, |d| d.end().secs());
        let retire_end = counts_until.iter().map(end_secs).collect();
        let retired_from = retires.iter().map(end_secs).collect();
        let cred_ids = catalog
            .credentials
            .iter()
            .map(|c| std::sync::Arc::from(c.id.as_str()))
            .collect();
        let cred_syms: Vec<crate::model::Sym> = catalog
            .credentials
            .iter()
            .map(|c| crate::model::Sym::new(&c.id))
            .collect();
        let by_sym = SymIndex::new(cred_syms.iter().copied());
        Ok(Compiled {
            by_sym,
            cred_syms,
            cred_index,
            metric_index,
            competencies,
            retires,
            counts_until,
            is_assessment,
            retire_end,
            retired_from,
            rank,
            cred_ids,
            comp_ids,
        })
    }

    pub fn cred_set(&self, ids: &[&str]) -> CredSet {
        let mut s = CredSet::default();
        ids.iter()
            .filter_map(|id| self.cred_index.get(*id))
            .for_each(|i| s.insert(*i));
        s
    }
}

struct Compiler<'a> {
    cred_index: &'a HashMap<String, usize>,
    metric_index: &'a HashMap<String, usize>,
}

impl Compiler<'_> {
    fn steps(&mut self, steps: &[Step], listed: &mut CredSet) -> Vec<CStep> {
        steps.iter().map(|s| self.step(s, listed)).collect()
    }

    fn set(&self, ids: &[String]) -> CredSet {
        let mut s = CredSet::default();
        // Catalog validation guarantees every id is known.
        ids.iter()
            .filter_map(|id| self.cred_index.get(id))
            .for_each(|i| s.insert(*i));
        s
    }

    fn expr(&self, e: &Expr, listed: &mut CredSet) -> CExpr {
        let c = match e {
            Expr::AnyOf(ids) => CExpr::Any(self.set(ids)),
            Expr::AllOf(ids) => CExpr::All(self.set(ids)),
            Expr::AnyOfAreas(areas) => {
                let ids: Vec<String> = areas.iter().flat_map(|(_, ids)| ids.clone()).collect();
                CExpr::Any(self.set(&ids))
            }
            Expr::FocusAreas(areas) => {
                CExpr::Focus(areas.iter().map(|(_, ids)| self.set(ids)).collect())
            }
            Expr::Alternatives(alts) => {
                CExpr::Alt(alts.iter().map(|a| self.expr(a, listed)).collect())
            }
        };
        listed.union_with(
            &self.set(
                &e.credentials()
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ),
        );
        c
    }

    fn step(&mut self, step: &Step, listed: &mut CredSet) -> CStep {
        match step {
            Step::Perf(p) => CStep::Perf(CPerf {
                metric: self
                    .metric_index
                    .get(&p.metric)
                    .copied()
                    .unwrap_or(usize::MAX),
                developed: p.developed,
                developing: p.developing,
            }),
            Step::Skill(s) => {
                let mut preds = vec![self.expr(&s.expr, listed)];
                let mut words = words(&s.expr);
                for c in &s.plus {
                    if let Clause::Same(e) = c {
                        preds.push(self.expr(e, listed));
                        words = format!("{words} and {}", self::words(e));
                    }
                }
                let mut classes = Vec::new();
                let mut sod = Vec::new();
                let mut rest = s.people;
                for c in &s.plus {
                    if let Clause::KOfSame(k, e) = c {
                        let mut p = preds.clone();
                        p.push(self.expr(e, listed));
                        classes.push(SlotClass {
                            count: *k,
                            preds: p,
                            words: format!("{words} and {}", self::words(e)),
                        });
                        rest -= k;
                    }
                }
                classes.push(SlotClass {
                    count: rest,
                    preds: preds.clone(),
                    words: words.clone(),
                });
                let mut required_people = s.people;
                for c in &s.plus {
                    match c {
                        Clause::Different(m, e) => {
                            required_people += m;
                            classes.push(SlotClass {
                                count: *m,
                                preds: vec![self.expr(e, listed)],
                                words: self::words(e),
                            });
                        }
                        Clause::SameOrDifferent(m, e) => {
                            sod.push(SlotClass {
                                count: *m,
                                preds: vec![self.expr(e, listed)],
                                words: self::words(e),
                            });
                        }
                        Clause::Same(_) | Clause::KOfSame(..) => {}
                    }
                }
                classes.retain(|c| c.count > 0);
                CStep::Skill(CSkill {
                    classes,
                    sod,
                    required_people,
                })
            }
        }
    }
}

/// The fixed English wording of an expression used in `missing` (domain.md §3.4).
pub fn words(e: &Expr) -> String {
    match e {
        Expr::AnyOf(ids) => format!("one of: {}", ids.join(", ")),
        Expr::AllOf(ids) => format!("all of: {}", ids.join(", ")),
        Expr::AnyOfAreas(_) => format!("one of: {}", e.credentials().join(", ")),
        Expr::Alternatives(alts) => {
            let parts: Vec<String> = alts.iter().map(|a| format!("({})", words(a))).collect();
            format!("either {}", parts.join(" or "))
        }
        Expr::FocusAreas(areas) => {
            let parts: Vec<String> = areas
                .iter()
                .map(|(name, ids)| format!("{name} ({})", ids.join(", ")))
                .collect();
            format!("all exams of one area: {}", parts.join(" | "))
        }
    }
}

/// Rows by interned id: a table indexed by `Sym::index`, for lookups without hashing.
#[derive(Debug, Clone, Default)]
pub struct SymIndex(Vec<u32>);

impl SymIndex {
    /// Row `i` is the `i`-th symbol.
    pub fn new(syms: impl Iterator<Item = crate::model::Sym>) -> Self {
        let mut table = Vec::new();
        for (i, sym) in syms.enumerate() {
            if table.len() <= sym.index() {
                table.resize(sym.index() + 1, u32::MAX);
            }
            table[sym.index()] = i as u32;
        }
        SymIndex(table)
    }

    pub fn get(&self, sym: crate::model::Sym) -> Option<usize> {
        match self.0.get(sym.index()) {
            Some(&i) if i != u32::MAX => Some(i as usize),
            _ => None,
        }
    }
}
