//! The designations evaluator: the snapshot compiled, the organisation's people and figures
//! indexed once, then every designation scored at any instant and over the qualification
//! window (designations.md §3–§4.3). The arithmetic is in `designations`.

use super::compiled::{CredSet, MAX_CREDENTIALS};
use super::designations::{
    FigureEntry, Track, counting_track, figures_points, growth_points, hundredths, in_force,
    qualification, skill_points, value_at, window_start,
};
use super::people::{CredRows, Person};
use crate::model::spp_def::{Metric, Scoring, SppCatalog, SppCredentialKind, Step, Tracks};
use crate::model::{Day, Instant, Org, Settings};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// The snapshot's credential rows as the people rules read them.
pub struct SppRows {
    index: HashMap<String, usize>,
    /// By interned id: the row.
    by_sym: super::compiled::SymIndex,
    assessment: Vec<bool>,
    retire_end: Vec<i64>,
    retired_from: Vec<i64>,
    pub ids: Vec<Arc<str>>,
    /// Each credential's position in byte order of ids.
    pub rank: Vec<usize>,
    /// Expires a year after it is earned (an achievement without `expires_on` warns, DD20).
    pub expires: Vec<bool>,
}

impl SppRows {
    fn new(c: &SppCatalog) -> Self {
        let day = |s: &Option<String>| s.as_deref().and_then(|d| Day::parse(d).ok());
        let end = |d: Option<Day>| d.map_or(i64::MAX, |d| d.end().secs());
        let creds = &c.credentials;
        let mut by_id: Vec<usize> = (0..creds.len()).collect();
        by_id.sort_by(|a, b| creds[*a].id.as_bytes().cmp(creds[*b].id.as_bytes()));
        let mut rank = vec![0; creds.len()];
        by_id.iter().enumerate().for_each(|(r, i)| rank[*i] = r);
        let by_sym =
            super::compiled::SymIndex::new(creds.iter().map(|c| crate::model::Sym::new(&c.id)));
        SppRows {
            by_sym,
            index: creds
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect(),
            assessment: creds
                .iter()
                .map(|c| c.kind == SppCredentialKind::Assessment)
                .collect(),
            // DD10: counts until = its own date, else the retirement day.
            retire_end: creds
                .iter()
                .map(|c| end(day(&c.counts_until).or(day(&c.retires))))
                .collect(),
            retired_from: creds.iter().map(|c| end(day(&c.retires))).collect(),
            ids: creds.iter().map(|c| Arc::from(c.id.as_str())).collect(),
            rank,
            expires: creds.iter().map(|c| c.expires).collect(),
        }
    }

    /// Passing it at `t` would count: `t` is on or before its retirement day.
    pub fn can_earn(&self, cred: usize, t: i64) -> bool {
        t < self.retired_from[cred]
    }

    pub fn set(&self, ids: &[String]) -> CredSet {
        let mut s = CredSet::default();
        ids.iter()
            .filter_map(|id| self.index.get(id))
            .for_each(|i| s.insert(*i));
        s
    }
}

impl CredRows for SppRows {
    fn index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    fn index_sym(&self, id: crate::model::Sym) -> Option<usize> {
        self.by_sym.get(id)
    }
    fn is_assessment(&self, cred: usize) -> bool {
        self.assessment[cred]
    }
    fn retire_end(&self, cred: usize) -> i64 {
        self.retire_end[cred]
    }
    fn retired_from(&self, cred: usize) -> i64 {
        self.retired_from[cred]
    }
}

/// One metric on one track: its scoring with the step lists and figures as indices.
pub struct CScoring<'a> {
    pub def: &'a Scoring,
    /// Skill: each step's list (an index into `SppEngine::lists`).
    pub lists: Vec<usize>,
    /// Figures: each part's figure; Growth: current, baseline.
    pub figures: Vec<usize>,
}

pub struct CMetric<'a> {
    pub def: &'a Metric,
    /// Enterprise, SMB.
    pub tracks: [CScoring<'a>; 2],
}

pub struct CDesignation<'a> {
    pub metrics: Vec<CMetric<'a>>,
    /// The flag figure of a classified designation.
    pub flag: Option<usize>,
    /// Every credential its steps list.
    pub listed: CredSet,
    /// The file has an entry of one of its figures (DD22).
    pub tracked: bool,
}

/// One track's score at an instant: metric points in hundredths (catalog order) and the total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackScore {
    pub metrics: Vec<i64>,
    pub total: i64,
    pub threshold_met: bool,
    pub all_positive: bool,
}

impl TrackScore {
    pub fn qualified(&self) -> bool {
        self.threshold_met && self.all_positive
    }
}

/// A designation's score at an instant: both tracks and the one that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub tracks: [TrackScore; 2],
    pub counting: Track,
}

impl Score {
    pub fn counted(&self) -> &TrackScore {
        &self.tracks[track_index(self.counting)]
    }
}

pub fn track_index(t: Track) -> usize {
    match t {
        Track::Enterprise => 0,
        Track::Smb => 1,
    }
}

pub const TRACKS: [Track; 2] = [Track::Enterprise, Track::Smb];

/// Per step list, the people satisfying it as sorted start and end instants of merged
/// intervals: at `t`, `#starts ≤ t − #ends ≤ t` people satisfy it.
#[derive(Default)]
struct Spans {
    starts: Vec<i64>,
    ends: Vec<i64>,
}

impl Spans {
    fn at(&self, t: i64) -> u32 {
        let started = self.starts.partition_point(|s| *s <= t);
        let ended = self.ends.partition_point(|e| *e <= t);
        (started - ended) as u32
    }
}

/// Where the figures stand at an instant: the month it falls in decides them (§4.2).
pub type Frozen = Instant;

/// The snapshot and an organisation prepared for scoring designations at any instant.
pub struct SppEngine<'a> {
    pub catalog: &'a SppCatalog,
    pub rows: SppRows,
    pub settings: Settings,
    /// Sorted by employee id (byte order).
    pub people: Vec<Person>,
    /// Per person, expiring credentials recorded without `expires_on` (DD20).
    pub unknown_expiry: Vec<CredSet>,
    /// Distinct step lists.
    pub lists: Vec<CredSet>,
    spans: Vec<Spans>,
    /// Per catalog figure, its entries through the association filter.
    pub figures: Vec<Vec<FigureEntry>>,
    pub designations: Vec<CDesignation<'a>>,
    /// The designations' ids, shared by the alerts that name them.
    pub designation_ids: Vec<Arc<str>>,
}

impl<'a> SppEngine<'a> {
    pub fn new(catalog: &'a SppCatalog, org: &Org) -> Result<Self, String> {
        Self::build(catalog, org, false)
    }

    /// The same with every employee among its people: the plan may ask anyone to certify.
    pub fn with_everyone(catalog: &'a SppCatalog, org: &Org) -> Result<Self, String> {
        Self::build(catalog, org, true)
    }

    fn build(catalog: &'a SppCatalog, org: &Org, everyone: bool) -> Result<Self, String> {
        if catalog.credentials.len() > MAX_CREDENTIALS {
            return Err(format!(
                "the designations snapshot has {} credentials; attain handles at most {MAX_CREDENTIALS}",
                catalog.credentials.len()
            ));
        }
        let settings = org.settings();
        let rows = SppRows::new(catalog);
        // Unless asked for everyone, only the people holding a designation credential: the
        // others score nothing and are not listed (a large organisation of the old programme
        // has few).
        let mut both: Vec<(Person, CredSet)> = org
            .employees
            .iter()
            .filter(|e| {
                everyone
                    || e.achievements
                        .iter()
                        .any(|a| rows.index_sym(a.credential).is_some())
            })
            .map(|e| {
                let mut unknown = CredSet::default();
                for a in e.achievements.iter().filter(|a| a.expires_on.is_none()) {
                    if let Some(c) = rows.index_sym(a.credential)
                        && rows.expires[c]
                    {
                        unknown.insert(c);
                    }
                }
                (
                    Person::new(e, Arc::from(e.id.as_str()), &rows, &settings),
                    unknown,
                )
            })
            .collect();
        both.sort_by(|a, b| a.0.id.as_bytes().cmp(b.0.id.as_bytes()));
        let (people, unknown_expiry): (Vec<Person>, Vec<CredSet>) = both.into_iter().unzip();
        let figure_index: HashMap<&str, usize> = catalog
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        let mut figures = vec![Vec::new(); catalog.figures.len()];
        let mut entered = vec![false; catalog.figures.len()];
        for p in &org.performance {
            let Some(&f) = figure_index.get(p.metric.as_str()) else {
                continue;
            };
            entered[f] = true;
            // Entries through an association the figure does not count are dropped (§2.4).
            if p.association
                .is_some_and(|a| !catalog.figures[f].associations.contains(&a))
            {
                continue;
            }
            figures[f].push(FigureEntry {
                period_end: p.period_end,
                track: p.track,
                value: p.value,
            });
        }
        let mut lists: Vec<CredSet> = Vec::new();
        let mut list_of = |ids: &[String]| {
            let set = rows.set(ids);
            lists.iter().position(|l| *l == set).unwrap_or_else(|| {
                lists.push(set);
                lists.len() - 1
            })
        };
        let fig = |id: &str| figure_index.get(id).copied().unwrap_or(0);
        let designations = catalog
            .designations
            .iter()
            .map(|d| {
                let mut listed = CredSet::default();
                let metrics = d
                    .metrics
                    .iter()
                    .map(|m| {
                        let mut compile = |def: &'a Scoring| {
                            let (lists, figures) = match def {
                                Scoring::Skill(steps) => {
                                    let lists = steps
                                        .iter()
                                        .map(|s| {
                                            let any_of = step_list(s);
                                            listed.union_with(&rows.set(any_of));
                                            list_of(any_of)
                                        })
                                        .collect();
                                    (lists, Vec::new())
                                }
                                Scoring::Figures(f) => {
                                    (Vec::new(), f.parts.iter().map(|(id, _)| fig(id)).collect())
                                }
                                Scoring::Growth(g) => {
                                    (Vec::new(), vec![fig(&g.current), fig(&g.baseline)])
                                }
                            };
                            CScoring {
                                def,
                                lists,
                                figures,
                            }
                        };
                        let enterprise = compile(&m.enterprise);
                        let smb = compile(m.smb.as_ref().unwrap_or(&m.enterprise));
                        CMetric {
                            def: m,
                            tracks: [enterprise, smb],
                        }
                    })
                    .collect::<Vec<_>>();
                let flag = match &d.tracks {
                    Tracks::Classified(f) => Some(fig(f)),
                    Tracks::HigherTotal => None,
                };
                let tracked = metrics
                    .iter()
                    .flat_map(|m: &CMetric| m.tracks.iter().flat_map(|t| t.figures.iter()))
                    .chain(flag.iter())
                    .any(|f| entered[*f]);
                CDesignation {
                    metrics,
                    flag,
                    listed,
                    tracked,
                }
            })
            .collect();
        let spans = all_spans(&people, &lists);
        let designation_ids = catalog
            .designations
            .iter()
            .map(|d| Arc::from(d.id.as_str()))
            .collect();
        Ok(SppEngine {
            designation_ids,
            catalog,
            rows,
            settings,
            people,
            unknown_expiry,
            lists,
            spans,
            figures,
            designations,
        })
    }

    /// A person's position among those holding a designation credential.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.people
            .binary_search_by(|p| p.id.as_bytes().cmp(id.as_bytes()))
            .ok()
    }

    /// Adds one achievement (`e` as prepared, without it) and recounts only that person's
    /// step-list intervals.
    pub fn add(&mut self, e: &crate::model::Employee, a: &crate::model::Achievement) {
        let Some(c) = self.rows.index_sym(a.credential) else {
            return;
        };
        let mut merger = Merger::new(&self.lists);
        let i = match self.position(&e.id) {
            Some(i) => i,
            None => {
                // Held no designation credential: an entry of their own from now on.
                let p = Person::new(e, Arc::from(e.id.as_str()), &self.rows, &self.settings);
                let at = self
                    .people
                    .partition_point(|q| q.id.as_bytes() < e.id.as_bytes());
                self.people.insert(at, p);
                self.unknown_expiry.insert(at, CredSet::default());
                at
            }
        };
        let before = merger.intervals(&self.people[i]);
        self.people[i].add(a, &self.rows, &self.settings);
        let after = merger.intervals(&self.people[i]);
        for (l, start, end) in before {
            self.spans[l].remove(start, end);
        }
        for (l, start, end) in after {
            self.spans[l].insert(start, end);
        }
        if a.expires_on.is_none() && self.rows.expires[c] {
            self.unknown_expiry[i].insert(c);
        }
    }

    /// How many people satisfy each step list at `t`.
    pub fn found_at(&self, t: Instant) -> Vec<u32> {
        self.spans.iter().map(|s| s.at(t.secs())).collect()
    }

    /// The same counted from a given H(p) per person (what-if and plan change people).
    pub fn found_with(&self, held: &[CredSet]) -> Vec<u32> {
        self.lists
            .iter()
            .map(|l| held.iter().filter(|h| h.intersects(l)).count() as u32)
            .collect()
    }

    /// A figure's value in force at `t` on `track`, with the month it describes (§4.2).
    pub fn figure_at(&self, f: usize, track: Track, t: Instant) -> Option<(Day, f64)> {
        in_force(&self.figures[f], track, t)
    }

    /// A growth metric's baseline at the month its current figure describes.
    pub fn baseline_at(&self, f: usize, track: Track, p: Day) -> Option<f64> {
        value_at(&self.figures[f], track, p)
    }

    /// A metric's raw points on a track: skilling from `found`, figures as in force at `figures_at`.
    pub fn metric_points(
        &self,
        m: &CMetric,
        track: Track,
        found: &[u32],
        figures_at: Frozen,
    ) -> f64 {
        let s = &m.tracks[track_index(track)];
        match s.def {
            Scoring::Skill(steps) => {
                let counts: Vec<u32> = s.lists.iter().map(|l| found[*l]).collect();
                skill_points(steps, m.def.max, &counts)
            }
            Scoring::Figures(f) => {
                let values: Vec<Option<f64>> = s
                    .figures
                    .iter()
                    .map(|f| self.figure_at(*f, track, figures_at).map(|(_, v)| v))
                    .collect();
                figures_points(f, m.def.max, &values)
            }
            Scoring::Growth(g) => {
                let current = self.figure_at(s.figures[0], track, figures_at);
                let baseline = current.and_then(|(p, _)| self.baseline_at(s.figures[1], track, p));
                growth_points(g, m.def.max, current.map(|(_, v)| v), baseline)
            }
        }
    }

    /// Designation `d` scored on both tracks, skilling from `found` and figures (and the
    /// classification flag) as in force at `figures_at`.
    pub fn score(&self, d: usize, found: &[u32], figures_at: Frozen) -> Score {
        let cd = &self.designations[d];
        let tracks = TRACKS.map(|track| {
            let metrics: Vec<i64> = cd
                .metrics
                .iter()
                .map(|m| hundredths(self.metric_points(m, track, found, figures_at)))
                .collect();
            let (total, threshold_met, all_positive) =
                qualification(self.catalog.threshold, &metrics);
            TrackScore {
                metrics,
                total,
                threshold_met,
                all_positive,
            }
        });
        let flag = cd
            .flag
            .and_then(|f| self.figure_at(f, Track::Enterprise, figures_at))
            .map(|(_, v)| v);
        let counting = counting_track(
            &self.catalog.designations[d].tracks,
            flag,
            tracks[0].total,
            tracks[1].total,
        );
        Score { tracks, counting }
    }

    /// Every designation at `t`.
    pub fn scores_at(&self, t: Instant) -> Vec<Score> {
        let found = self.found_at(t);
        (0..self.designations.len())
            .map(|d| self.score(d, &found, t))
            .collect()
    }

    /// The evaluation instants E of the window ending at `as_of` (§4.3), sorted, distinct:
    /// its start, `as_of`, each month's first day, and every instant inside at which an
    /// achievement of a designation credential starts or stops counting.
    pub fn instants(&self, as_of: Instant) -> Vec<Instant> {
        let start = window_start(as_of, self.catalog.window_months);
        let (from, to) = (start.secs(), as_of.secs());
        let mut out = vec![from, to];
        let mut month = start.day();
        while month.start().secs() <= to {
            out.push(month.start().secs());
            month = month.add_months(1);
        }
        for a in self.people.iter().flat_map(|p| &p.achievements) {
            if a.start < a.end {
                out.extend(
                    [a.start, a.end]
                        .into_iter()
                        .filter(|t| from < *t && *t < to),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out.into_iter().map(Instant::from_secs).collect()
    }
}

/// The credentials a step lists.
pub fn step_list(s: &Step) -> &[String] {
    match s {
        Step::Gate(g) => &g.any_of,
        Step::PerPerson(p) => &p.any_of,
    }
}

/// Per step list, the merged intervals during which each person holds one of its
/// credentials: one pass over the achievements, not one per list. A person's intervals are
/// gathered per list; only a list with several needs sorting and merging.
fn all_spans(people: &[Person], lists: &[CredSet]) -> Vec<Spans> {
    let mut merger = Merger::new(lists);
    let mut out: Vec<Spans> = lists.iter().map(|_| Spans::default()).collect();
    for p in people {
        merger.person(p, |l, start, end| {
            out[l].starts.push(start);
            out[l].ends.push(end);
        });
    }
    for s in &mut out {
        s.starts.sort_unstable();
        s.ends.sort_unstable();
    }
    out
}

/// Merges one person's intervals per step list (a person counts once per list).
struct Merger {
    /// Each credential's step lists.
    of_cred: Vec<Vec<usize>>,
    /// Per list, the interval being merged for the current person (`NONE`: none yet).
    open: Vec<(i64, i64)>,
    touched: Vec<usize>,
    order: Vec<(i64, i64, usize)>,
}

const NONE: (i64, i64) = (i64::MIN, i64::MIN);

impl Merger {
    fn new(lists: &[CredSet]) -> Self {
        let mut of_cred: Vec<Vec<usize>> = vec![Vec::new(); MAX_CREDENTIALS];
        for (l, set) in lists.iter().enumerate() {
            set.iter().for_each(|c| of_cred[c].push(l));
        }
        Merger {
            of_cred,
            open: vec![NONE; lists.len()],
            touched: Vec::new(),
            order: Vec::new(),
        }
    }

    /// Calls `emit(list, start, end)` for each of `p`'s merged intervals.
    fn person(&mut self, p: &Person, mut emit: impl FnMut(usize, i64, i64)) {
        // One sort by start: each list then sees its intervals in order and merges them
        // as they come.
        self.order.clear();
        self.order.extend(
            p.achievements
                .iter()
                .filter(|a| a.start < a.end)
                .map(|a| (a.start, a.end, a.cred())),
        );
        // Equal starts merge in any order; files usually list achievements by date already.
        if !self.order.is_sorted_by_key(|o| o.0) {
            self.order.sort_unstable_by_key(|o| o.0);
        }
        for &(start, end, cred) in &self.order {
            for &l in &self.of_cred[cred] {
                let cur = &mut self.open[l];
                if *cur == NONE {
                    self.touched.push(l);
                    *cur = (start, end);
                } else if start <= cur.1 {
                    cur.1 = cur.1.max(end);
                } else {
                    emit(l, cur.0, cur.1);
                    *cur = (start, end);
                }
            }
        }
        for l in self.touched.drain(..) {
            let (start, end) = std::mem::replace(&mut self.open[l], NONE);
            emit(l, start, end);
        }
    }

    /// One person's merged intervals as (list, start, end).
    fn intervals(&mut self, p: &Person) -> Vec<(usize, i64, i64)> {
        let mut out = Vec::new();
        self.person(p, |l, s, e| out.push((l, s, e)));
        out
    }
}

impl Spans {
    /// Takes one interval out (it was there) or puts one in, keeping both lists sorted.
    fn remove(&mut self, start: i64, end: i64) {
        for (v, x) in [(&mut self.starts, start), (&mut self.ends, end)] {
            if let Ok(i) = v.binary_search(&x) {
                v.remove(i);
            }
        }
    }

    fn insert(&mut self, start: i64, end: i64) {
        for (v, x) in [(&mut self.starts, start), (&mut self.ends, end)] {
            let i = v.partition_point(|y| *y < x);
            v.insert(i, x);
        }
    }
}
