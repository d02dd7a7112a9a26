//! The linking rules of [`super::link_with`], one function each, over the
//! distinct names of a batch.

use super::blocks;
use super::spelling::{key, Spelling};
use super::table::{CanonicalNames, Entity, EntityTable, Member, Merge, MergeReason, Overrides};
use crate::article::Article;
use crate::extract::abbreviates;
use crate::extract::EntityLabel;
use crate::text::hash::FastMap;
use std::collections::HashSet;

/// One mention of a name: the article's index in the batch and the mention's
/// index in that article's `entities`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct MentionAt {
    article: usize,
    mention: usize,
}

/// One distinct (label, name) of the batch and where it is mentioned.
#[derive(Clone, Debug)]
struct Name {
    label: EntityLabel,
    name: String,
    mentions: Vec<MentionAt>,
}

impl Name {
    fn is(&self, label: EntityLabel) -> bool {
        self.label == label
    }

    fn is_full(&self, label: EntityLabel) -> bool {
        self.label == label && self.name.contains(' ')
    }
}

/// The distinct names of a batch, in order of first mention.
pub(super) struct Names(Vec<Name>);

impl Names {
    pub(super) fn of(articles: &[Article]) -> Names {
        let mut names: Vec<Name> = Vec::new();
        // Keyed by the mentions' own names: a name is copied once, when first
        // seen, not for every mention looked up.
        let mut index: FastMap<(EntityLabel, &str), usize> = FastMap::default();
        for (article, a) in articles.iter().enumerate() {
            for (mention, m) in a.entities.iter().enumerate() {
                let n = *index.entry((m.label, m.name.as_str())).or_insert_with(|| {
                    names.push(Name {
                        label: m.label,
                        name: m.name.clone(),
                        mentions: Vec::new(),
                    });
                    names.len() - 1
                });
                names[n].mentions.push(MentionAt { article, mention });
            }
        }
        Names(names)
    }
}

/// The names being joined: a union-find over them and the merges made so far.
pub(super) struct Links<'o> {
    names: Vec<Name>,
    groups: UnionFind,
    /// The names joined and the rule, in the order the rules joined them:
    /// made into [`Merge`]s only for the table (a batch of many places
    /// joins them by the thousand).
    merges: Vec<(usize, usize, MergeReason)>,
    overrides: &'o Overrides,
}

impl<'o> Links<'o> {
    pub(super) fn new(names: Names, overrides: &'o Overrides) -> Links<'o> {
        let groups = UnionFind::new(names.0.len());
        Links {
            names: names.0,
            groups,
            merges: Vec::new(),
            overrides,
        }
    }

    fn is_split(&self, name: &str) -> bool {
        self.overrides.split.iter().any(|s| s == name)
    }

    fn join(&mut self, i: usize, j: usize, reason: MergeReason) {
        self.groups.union(i, j);
        self.merges.push((i, j, reason));
    }

    /// The rule's merge of names `i` and `j`.
    fn merge(&self, i: usize, j: usize, reason: MergeReason) -> Merge {
        Merge::new(&self.names[i].name, &self.names[j].name, reason)
    }

    /// Rule 1: every pair of names of one label that
    /// [`same_name`](super::same_name) accepts, among the candidates that
    /// blocking finds (`super::blocks`: exact for this rule, and near-linear
    /// in the number of names). Pairs whose last words differ in key length
    /// (letters of the Latin spelling) by more than three cannot be close and
    /// are skipped, unless both are gazetteer places. Each name is spelled
    /// out once ([`Spelling`]), not once for every pair it is in.
    pub(super) fn join_same_names(&mut self) {
        let spelled: Vec<Spelling> = self
            .names
            .iter()
            .map(|n| Spelling::of(&n.name, n.label))
            .collect();
        let mut joins = Vec::new();
        for (i, j) in blocks::candidate_pairs(&spelled) {
            let (x, y) = (&spelled[i], &spelled[j]);
            if x.label != y.label || self.is_split(x.written) || self.is_split(y.written) {
                continue;
            }
            let gazetteer = x.label == EntityLabel::Place
                && x.place_as_written.is_some()
                && y.place_as_written.is_some();
            let letters = |n: &Spelling| n.tokens.last().map_or(0, |k| k.chars().count());
            if !gazetteer && letters(x).abs_diff(letters(y)) > 3 {
                continue;
            }
            if let Some(reason) = x.same_name(y) {
                joins.push((i, j, reason));
            }
        }
        // No pair's verdict depends on the groups: join after judging them all, in the same order.
        for (i, j, reason) in joins {
            self.join(i, j, reason);
        }
    }

    /// Rule 2: a lone surname joins the one full name it ends ("Tokayev"),
    /// when every full name it could end is already one entity.
    pub(super) fn join_lone_surnames(&mut self) {
        // Full names of people by the key of their last word, in name order.
        let mut by_last: FastMap<String, Vec<usize>> = FastMap::default();
        for (j, n) in self.names.iter().enumerate() {
            if n.is_full(EntityLabel::Person) {
                let last = n.name.rsplit([' ', '-']).next().unwrap_or("");
                by_last.entry(key(last)).or_default().push(j);
            }
        }
        for i in 0..self.names.len() {
            let short = &self.names[i];
            if !short.is(EntityLabel::Person)
                || short.name.contains(' ')
                || self.is_split(&short.name)
            {
                continue;
            }
            let fits = by_last.get(&key(&short.name)).cloned().unwrap_or_default();
            if self.one_entity(&fits) {
                self.join(i, fits[0], MergeReason::Surname);
            }
        }
    }

    /// Rule 3: an acronym joins the one organisation it abbreviates ("UN",
    /// United Nations), unless the two are one entity already.
    pub(super) fn join_acronyms(&mut self) {
        // Full organisation names by the first letter of each of their words
        // (an acronym starts with the first letter of one of them), in name order.
        let mut by_initial: FastMap<char, Vec<usize>> = FastMap::default();
        for (j, n) in self.names.iter().enumerate() {
            if n.is_full(EntityLabel::Org) {
                let mut initials: Vec<char> = n
                    .name
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter_map(|w| w.chars().next())
                    .flat_map(char::to_lowercase)
                    .collect();
                crate::text::sort::all(&mut initials);
                initials.dedup();
                for c in initials {
                    by_initial.entry(c).or_default().push(j);
                }
            }
        }
        for i in 0..self.names.len() {
            let short = &self.names[i];
            let caps = short
                .name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if !short.is(EntityLabel::Org)
                || !caps
                || short.name.contains(' ')
                || self.is_split(&short.name)
            {
                continue;
            }
            let first = short
                .name
                .chars()
                .find(|c| c.is_alphabetic())
                .and_then(|c| c.to_lowercase().next());
            let fits: Vec<usize> = first
                .and_then(|c| by_initial.get(&c))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| abbreviates(&short.name, &self.names[j].name))
                .collect();
            if self.one_entity(&fits) && self.groups.find(i) != self.groups.find(fits[0]) {
                self.join(i, fits[0], MergeReason::Acronym);
            }
        }
    }

    /// Whether `candidates` are all one entity (and there is at least one).
    fn one_entity(&mut self, candidates: &[usize]) -> bool {
        let roots: HashSet<usize> = candidates.iter().map(|&j| self.groups.find(j)).collect();
        roots.len() == 1
    }

    /// Rule 4: the user's forced merges, by name (of any label), whatever the
    /// other rules and the splits say.
    pub(super) fn join_forced(&mut self) {
        let overrides = self.overrides;
        for (a, b) in &overrides.merge {
            let find = |n: &str| self.names.iter().position(|x| x.name == n);
            if let (Some(i), Some(j)) = (find(a), find(b)) {
                self.join(i, j, MergeReason::User);
            }
        }
    }

    /// The table: one entity per group of joined names, in order of first mention.
    pub(super) fn into_table(mut self) -> EntityTable {
        let groups = self.groups_in_order();
        let best: Vec<usize> = groups.iter().map(|group| self.canonical(group)).collect();
        let names = self.canonical_names(&groups, &best);
        // Each group's merges, in the order they were made: dealt out once by
        // their first name's group, not searched for group by group (a batch
        // that names many places would cost their number squared).
        let mut group_of = vec![0; self.names.len()];
        for (g, group) in groups.iter().enumerate() {
            for &n in group {
                group_of[n] = g;
            }
        }
        let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); groups.len()];
        for (i, j, reason) in std::mem::take(&mut self.merges) {
            merges[group_of[i]].push(self.merge(i, j, reason));
        }
        let entities = (groups.iter().zip(&best).zip(merges).enumerate())
            .map(|(id, ((group, &best), merges))| self.entity(id, group, best, merges))
            .collect();
        let all = &self.names;
        let known_as = groups.iter().enumerate().flat_map(|(id, group)| {
            group
                .iter()
                .map(move |&n| (all[n].label, all[n].name.clone(), id))
        });
        EntityTable::new(entities, known_as, names)
    }

    /// The batch's name for each of its names, as [`Links::into_table`] would
    /// name them, without building the entities.
    pub(super) fn into_canonical_names(mut self) -> CanonicalNames {
        let groups = self.groups_in_order();
        let best: Vec<usize> = groups.iter().map(|group| self.canonical(group)).collect();
        self.canonical_names(&groups, &best)
    }

    /// The names of `groups`, whose canonical names are those of `best`.
    fn canonical_names(&self, groups: &[Vec<usize>], best: &[usize]) -> CanonicalNames {
        let name = |n: usize| self.names[n].name.as_str();
        CanonicalNames::of(
            (groups.iter().zip(best))
                .flat_map(|(group, &best)| group.iter().map(move |&n| (name(n), name(best)))),
        )
    }

    /// The groups of joined names, each in name order, in order of their first name.
    fn groups_in_order(&mut self) -> Vec<Vec<usize>> {
        // A group's root is its smallest name, the first of its names met:
        // groups are numbered by their roots, in one pass.
        let mut group_of_root = vec![0; self.names.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for n in 0..self.names.len() {
            let root = self.groups.find(n);
            if root == n {
                group_of_root[n] = groups.len();
                groups.push(Vec::new());
            }
            groups[group_of_root[root]].push(n);
        }
        groups
    }

    /// The entity of the joined names `group`, named by its name `best`, made by `merges`.
    fn entity(&self, id: usize, group: &[usize], best: usize, merges: Vec<Merge>) -> Entity {
        let mut variants = vec![self.names[best].name.clone()];
        variants.extend(
            group
                .iter()
                .filter(|&&n| n != best)
                .map(|&n| self.names[n].name.clone()),
        );
        Entity {
            id,
            name: self.names[best].name.clone(),
            label: self.names[best].label,
            members: self.members(group),
            variants,
            merges,
        }
    }

    /// The group's canonical name: the most mentioned, then the one of most
    /// words, then the longest; for a person, the fullest name (up to three
    /// parts), then the most mentioned. Ties go to the later name.
    fn canonical(&self, group: &[usize]) -> usize {
        let count = |n: usize| self.names[n].mentions.len();
        let best = *group
            .iter()
            .max_by_key(|&&n| {
                let name = &self.names[n].name;
                (count(n), name.split_whitespace().count(), name.len())
            })
            .expect("non-empty group");
        if !self.names[best].is(EntityLabel::Person) {
            return best;
        }
        *group
            .iter()
            .max_by_key(|&&n| {
                let parts = self.names[n].name.split([' ', '-']).count();
                (parts.min(3), count(n))
            })
            .expect("non-empty group")
    }

    /// The group's mentions, article by article in batch order.
    fn members(&self, group: &[usize]) -> Vec<Member> {
        let mut all: Vec<MentionAt> = group
            .iter()
            .flat_map(|&n| self.names[n].mentions.iter().copied())
            .collect();
        crate::text::sort::all(&mut all);
        let mut members: Vec<Member> = Vec::new();
        for at in all {
            match members.last_mut() {
                Some(last) if last.article == at.article => last.mentions.push(at.mention),
                _ => members.push(Member {
                    article: at.article,
                    mentions: vec![at.mention],
                }),
            }
        }
        members
    }
}

/// Disjoint sets of name indices; each set's root is its smallest member.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        self.0[x] = r;
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}
