//! The prepared evaluator: the catalog compiled and the organisation indexed once, then
//! competency levels computed at any instant (domain.md §3.5, §3.6, §6.7).

use super::compiled::{CStep, Compiled, CredSet};
use super::facts::FactsCache;
use super::pci::{Markets, PathFigures, PciRules};
use super::people::Person;
use super::perf::Series;
use super::report::{LevelName, PciReport};
use super::skill::{Pool, Scratch, SkillOutcome, match_skill};
use crate::model::{
    Achievement, Catalog, Instant, Market, Org, OverrideKind, ScoringModel, Settings,
};
use std::cell::RefCell;
use std::sync::Arc;

/// An override with its active range `[start, end)` in seconds.
#[derive(Debug, Clone)]
pub(crate) struct COverride {
    pub comp: usize,
    pub level: LevelName,
    pub kind: OverrideKind,
    pub start: i64,
    pub end: i64,
}

/// The result of one step at one instant.
#[derive(Debug, Clone)]
pub enum StepResult {
    Perf {
        metric: usize,
        required: f64,
        actual: f64,
        met: bool,
    },
    Skill {
        outcome: SkillOutcome,
        required_people: u32,
        exempt: bool,
    },
}

impl StepResult {
    fn met(&self) -> bool {
        match self {
            StepResult::Perf { met, .. } => *met,
            StepResult::Skill {
                outcome, exempt, ..
            } => outcome.met || *exempt,
        }
    }
    fn raw_met(&self) -> bool {
        match self {
            StepResult::Perf { met, .. } => *met,
            StepResult::Skill { outcome, .. } => outcome.met,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct LevelResult {
    pub present: bool,
    /// Met counting skills exemptions.
    pub met: bool,
    /// Met on the data alone.
    pub raw_met: bool,
    pub steps: Vec<StepResult>,
}

#[derive(Debug, Clone)]
pub struct CompResult {
    pub level: LevelName,
    /// The level without any override (for the report's `override` flag).
    pub raw_level: LevelName,
    pub options: Vec<[LevelResult; 2]>,
    pub pci: Option<PciReport>,
}

/// The catalog and an organisation prepared for evaluation at any instant.
pub struct Engine<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) org: &'a Org,
    pub(crate) settings: Settings,
    pub(crate) compiled: Compiled,
    /// Sorted by employee id (byte order), as the matching requires.
    pub(crate) people: Vec<Person>,
    pub(crate) series: Vec<Series>,
    pub(crate) overrides: Vec<COverride>,
    /// Competency indices in consumption order (reuse off).
    priority: Vec<usize>,
    pci_comp: Option<usize>,
    pub(crate) pci: PciRules,
    scratch: RefCell<Scratch>,
    pub(crate) facts: RefCell<FactsCache>,
    /// The designations, when the catalog carries a snapshot.
    pub spp: Option<super::spp_engine::SppEngine<'a>>,
    /// Whether reports list the input warnings (see [`Engine::without_input_warnings`]).
    pub(crate) input_warnings: bool,
}

impl<'a> Engine<'a> {
    /// Prepares an organisation already validated against `catalog` (see `io::org_file`).
    pub fn new(catalog: &'a Catalog, org: &'a Org) -> Result<Self, String> {
        // The designations are prepared on a second core meanwhile: they share nothing.
        std::thread::scope(|s| {
            let spp = catalog
                .designations
                .as_deref()
                .map(|c| s.spawn(move || super::spp_engine::SppEngine::new(c, org)));
            let engine = Self::prepare(catalog, org);
            let spp = spp
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .transpose()?;
            engine.map(|e| Engine { spp, ..e })
        })
    }

    /// Everything but the designations.
    fn prepare(catalog: &'a Catalog, org: &'a Org) -> Result<Self, String> {
        let settings = org.settings();
        let compiled = Compiled::new(catalog)?;
        // The ids outlive the engine (reports and reminders share them): allocated together
        // first, they do not pin the pages of the engine's tables once it is dropped.
        let ids: Vec<std::sync::Arc<str>> = org
            .employees
            .iter()
            .map(|e| std::sync::Arc::from(e.id.as_str()))
            .collect();
        let mut people: Vec<Person> = org
            .employees
            .iter()
            .zip(ids)
            .map(|(e, id)| Person::new(e, id, &compiled, &settings))
            .collect();
        people.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        let comp_index = |id: &str| catalog.competencies.iter().position(|c| c.id == id);
        let overrides = org
            .overrides
            .iter()
            .filter_map(|o| {
                let ends = o.ends_on.unwrap_or_else(|| {
                    o.starts_on
                        .add_months(settings.override_default_months as i32)
                });
                Some(COverride {
                    comp: comp_index(&o.competency)?,
                    level: o.level.into(),
                    kind: o.kind,
                    start: o.starts_on.start().secs(),
                    end: ends.end().secs(),
                })
            })
            .collect();
        let mut priority: Vec<usize> = settings
            .competency_priority
            .iter()
            .filter_map(|c| comp_index(c))
            .collect();
        let rest: Vec<usize> = (0..catalog.competencies.len())
            .filter(|i| !priority.contains(i))
            .collect();
        priority.extend(rest);
        let pci_comp = settings
            .scoring_models
            .iter()
            .find(|(_, m)| **m == ScoringModel::Pci)
            .and_then(|(c, _)| comp_index(c));
        let pci = PciRules::new(&compiled);
        Ok(Engine {
            spp: None,
            catalog,
            org,
            series: Series::build(catalog, org),
            settings,
            compiled,
            people,
            overrides,
            priority,
            pci_comp,
            pci,
            scratch: RefCell::default(),
            facts: RefCell::default(),
            input_warnings: true,
        })
    }

    /// Reports without input warnings, for a reader that does not show them (the window, the
    /// award summary): 74,809 of them at 100,000 people, made for nothing.
    pub fn without_input_warnings(mut self) -> Self {
        self.input_warnings = false;
        self
    }

    /// Adds an achievement to a person without preparing the organisation again.
    pub fn add_achievement(&mut self, employee: &str, a: &Achievement) -> bool {
        let Ok(i) = self
            .people
            .binary_search_by(|p| p.id.as_bytes().cmp(employee.as_bytes()))
        else {
            return false;
        };
        self.people[i].add(a, &self.compiled, &self.settings);
        self.facts.get_mut().dirty.push(i);
        if let Some(spp) = &mut self.spp
            && let Some(e) = self.org.employees.iter().find(|e| e.id == employee)
        {
            spp.add(e, a);
        }
        true
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn is_pci(&self, comp: usize) -> bool {
        self.pci_comp == Some(comp)
    }

    /// H(p) at `t` for every person, in id order.
    pub fn held_at(&self, t: Instant) -> Vec<CredSet> {
        let secs = t.secs();
        let facts = self.facts.borrow();
        if facts.valid && facts.t == secs && facts.dirty.is_empty() {
            return facts.people.iter().map(|f| f.held).collect();
        }
        self.people.iter().map(|p| p.held_at(secs)).collect()
    }

    /// The TTM value of metric `m` at `t`.
    pub fn metric(&self, m: usize, t: Instant) -> f64 {
        self.series
            .get(m)
            .map_or(0.0, |s| s.actual(t, self.settings.ttm_months))
    }

    fn metric_by_id(&self, id: &str, t: Instant) -> f64 {
        self.compiled
            .metric_index
            .get(id)
            .map_or(0.0, |m| self.metric(*m, t))
    }

    /// Every competency at `t`, in catalog order.
    pub fn competencies_at(&self, t: Instant) -> Vec<CompResult> {
        self.competencies_with(t, &self.held_at(t))
    }

    /// Every competency at `t` with these credentials per person (for what-if and risk:
    /// a person whose set is emptied counts for nothing).
    pub fn competencies_with(&self, t: Instant, held: &[CredSet]) -> Vec<CompResult> {
        let mut out: Vec<Option<CompResult>> = vec![None; self.catalog.competencies.len()];
        self.visit(t, held, None, |c, r, _| out[c] = Some(r));
        out.into_iter().flatten().collect()
    }

    /// The people consumed by the Gold of competencies visited before `c` (reuse off), or
    /// `None` when people may be reused.
    pub fn consumed_before(&self, c: usize, t: Instant, held: &[CredSet]) -> Option<Vec<bool>> {
        if self.settings.allow_individual_reuse_across_competencies {
            return None;
        }
        let consumer = self.visit(t, held, Some(c), |_, _, _| {});
        Some(consumer.iter().map(Option::is_some).collect())
    }

    /// Reuse off (§3.6): per competency in catalog order, the people holding a credential it
    /// lists whom its Gold cannot count because a competency visited earlier consumed them,
    /// each with that competency's index. Empty lists when people may be reused.
    pub fn used_elsewhere(&self, t: Instant) -> Vec<Vec<(Arc<str>, usize)>> {
        let mut out = vec![Vec::new(); self.catalog.competencies.len()];
        if self.settings.allow_individual_reuse_across_competencies {
            return out;
        }
        let held = self.held_at(t);
        self.visit(t, &held, None, |c, _, consumer| {
            let listed = &self.compiled.competencies[c].listed;
            out[c] = consumer
                .iter()
                .enumerate()
                .filter_map(|(p, by)| {
                    by.filter(|_| held[p].intersects(listed))
                        .map(|by| (self.people[p].id.clone(), by))
                })
                .collect();
        });
        out
    }

    /// Competencies in priority order until `stop`, each result handed to `each` with the
    /// competency that consumed each person so far; returns who consumed whom (reuse off).
    fn visit(
        &self,
        t: Instant,
        held: &[CredSet],
        stop: Option<usize>,
        mut each: impl FnMut(usize, CompResult, &[Option<usize>]),
    ) -> Vec<Option<usize>> {
        let reuse = self.settings.allow_individual_reuse_across_competencies;
        // With reuse (the default) nobody is consumed: nothing to keep per person.
        let n = if reuse { 0 } else { self.people.len() };
        let mut consumer: Vec<Option<usize>> = vec![None; n];
        let mut consumed = vec![false; n];
        for &c in &self.priority {
            if stop == Some(c) {
                break;
            }
            let result = self.competency_at(c, t, held, (!reuse).then_some(consumed.as_slice()));
            let mut witness = Vec::new();
            if !reuse {
                // The first option (catalog order) whose Gold is met on the data consumes its witness.
                if let Some(opt) = result.options.iter().find(|o| o[1].raw_met) {
                    for step in &opt[1].steps {
                        if let StepResult::Skill { outcome, .. } = step {
                            witness.extend(outcome.witness.iter().copied());
                        }
                    }
                }
            }
            each(c, result, &consumer);
            for p in witness {
                consumed[p] = true;
                consumer[p].get_or_insert(c);
            }
        }
        consumer
    }

    /// Levels only, in catalog order.
    pub fn levels_at(&self, t: Instant) -> Vec<LevelName> {
        self.competencies_at(t).iter().map(|c| c.level).collect()
    }

    fn competency_at(
        &self,
        c: usize,
        t: Instant,
        held: &[CredSet],
        excluded: Option<&[bool]>,
    ) -> CompResult {
        let secs = t.secs();
        let active = self
            .overrides
            .iter()
            .filter(|o| o.comp == c && o.start <= secs && secs < o.end);
        let (mut full, mut exempt) = (LevelName::None, LevelName::None);
        for o in active {
            match o.kind {
                OverrideKind::Full => full = full.max(o.level),
                OverrideKind::SkillsExemption => exempt = exempt.max(o.level),
            }
        }
        let comp = &self.compiled.competencies[c];
        let options: Vec<[LevelResult; 2]> = comp
            .options
            .iter()
            .map(|o| {
                let silver = self.level_at(
                    o.silver.as_deref(),
                    t,
                    held,
                    None,
                    exempt >= LevelName::Silver,
                );
                let gold = self.level_at(
                    o.gold.as_deref(),
                    t,
                    held,
                    excluded,
                    exempt >= LevelName::Gold,
                );
                [silver, gold]
            })
            .collect();
        let level_of = |met: fn(&LevelResult) -> bool| {
            if options.iter().any(|o| met(&o[1])) {
                LevelName::Gold
            } else if options.iter().any(|o| met(&o[0])) {
                LevelName::Silver
            } else {
                LevelName::None
            }
        };
        let (raw_level, with_exemption, pci) = if self.is_pci(c) {
            let (report, level) = self.pci_at(t, held);
            (level, level, Some(report))
        } else {
            (level_of(|l| l.raw_met), level_of(|l| l.met), None)
        };
        CompResult {
            level: with_exemption.max(full),
            raw_level,
            options,
            pci,
        }
    }

    fn level_at(
        &self,
        steps: Option<&[CStep]>,
        t: Instant,
        held: &[CredSet],
        excluded: Option<&[bool]>,
        exempt: bool,
    ) -> LevelResult {
        let Some(steps) = steps else {
            return LevelResult::default();
        };
        let pool = Pool { held, excluded };
        let developing = self.org.market == Market::Developing;
        let steps: Vec<StepResult> = steps
            .iter()
            .map(|s| match s {
                CStep::Perf(p) => {
                    let required = match (developing, p.developing) {
                        (true, Some(d)) => d,
                        _ => p.developed,
                    };
                    let actual = self.metric(p.metric, t);
                    StepResult::Perf {
                        metric: p.metric,
                        required,
                        actual,
                        met: actual >= required,
                    }
                }
                CStep::Skill(k) => StepResult::Skill {
                    outcome: match_skill(k, &pool, &mut self.scratch.borrow_mut()),
                    required_people: k.required_people,
                    exempt,
                },
            })
            .collect();
        LevelResult {
            present: true,
            met: steps.iter().all(StepResult::met),
            raw_met: steps.iter().all(StepResult::raw_met),
            steps,
        }
    }

    fn pci_at(&self, t: Instant, held: &[CredSet]) -> (PciReport, LevelName) {
        let figures = |p: &str| PathFigures {
            net_new_revenue: self.metric_by_id(&format!("pci_{p}_net_new_revenue_usd"), t),
            net_customer_adds: self.metric_by_id(&format!("pci_{p}_net_customer_adds"), t),
            new_large_deployments: self.metric_by_id(&format!("pci_{p}_new_large_deployments"), t),
            mau_baseline: self.metric_by_id(&format!("pci_{p}_mau_baseline"), t),
            mau_current: self.metric_by_id(&format!("pci_{p}_mau_current"), t),
            fc_baseline: self.metric_by_id(&format!("pci_{p}_fc_baseline"), t),
        };
        let markets = Markets {
            partner: self.org.market,
            customer: self.settings.pci_customer_market.unwrap_or(self.org.market),
            option_two_since: self.settings.pci_fc_option_two_since,
            today: t.day(),
        };
        self.pci.score(held, figures("ce"), figures("fo"), &markets)
    }
}
