//! The units table: surface unit → kind, canonical unit and factor.

use rustc_hash::FxHashMap;

use serde::Deserialize;
use toml::Spanned;

use super::error::{RuleError, SourceFile};
use super::script::{is_traditional, traditional};
use crate::model::decimal::Decimal;
use crate::model::metric::Kind;

/// What a unit written in text stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDef {
    /// The kind of metric this unit makes.
    pub kind: Kind,
    /// The canonical unit (`CNY`, `kW`, or the measure word for counts).
    pub unit: String,
    /// Value in the canonical unit = written number × factor.
    pub factor: Decimal,
    /// Left out of the `{unit:kind}` fragments: only a rule that writes the
    /// surface in its own pattern reads it (点 of an index).
    pub explicit: bool,
}

/// All units, by surface form.
#[derive(Debug, Clone, Default)]
pub struct UnitTable {
    by_surface: FxHashMap<String, UnitDef>,
    local_currencies: Vec<LocalCurrency>,
}

/// The currency a bare 元 stands for in texts about one place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalCurrency {
    /// The currency's code (`HKD`).
    pub unit: String,
    /// Words that name the place (香港, 港元).
    pub markers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    unit: Vec<Spanned<UnitEntry>>,
    #[serde(default)]
    local_currency: Vec<Spanned<LocalCurrency>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    kind: String,
    unit: Option<String>,
    factor: Option<String>,
    surfaces: Vec<String>,
    #[serde(default)]
    explicit: bool,
}

impl UnitTable {
    /// Loads `units.toml`.
    pub fn load(source: &SourceFile) -> Result<UnitTable, Vec<RuleError>> {
        let file: UnitsFile = source.parse().map_err(|e| vec![e])?;
        let mut table = UnitTable::default();
        let mut errors = Vec::new();
        for entry in &file.unit {
            let at = entry.span().start;
            let entry = entry.get_ref();
            let Some(kind) = Kind::parse(&entry.kind) else {
                errors.push(source.error_at(at, format!("unknown kind `{}`", entry.kind)));
                continue;
            };
            let factor = match &entry.factor {
                None => Decimal::from_int(1),
                Some(f) => match Decimal::parse(f) {
                    Some(d) => d,
                    None => {
                        errors.push(source.error_at(at, format!("factor `{f}` is not a number")));
                        continue;
                    }
                },
            };
            for surface in &entry.surfaces {
                let unit = match (&entry.unit, kind) {
                    (Some(u), _) => u.clone(),
                    (None, Kind::Count) => surface.clone(),
                    (None, _) => {
                        errors.push(
                            source.error_at(at, "a unit entry needs `unit` unless it is a count"),
                        );
                        break;
                    }
                };
                let def = UnitDef {
                    kind,
                    unit,
                    factor,
                    explicit: entry.explicit,
                };
                if table.by_surface.insert(surface.clone(), def).is_some() {
                    errors.push(source.error_at(at, format!("unit `{surface}` is listed twice")));
                }
            }
        }
        for local in &file.local_currency {
            let at = local.span().start;
            let local = local.get_ref();
            if !table.has_canonical(Kind::Money, &local.unit) {
                errors.push(source.error_at(
                    at,
                    format!(
                        "local_currency: `{}` is not a money unit of the table",
                        local.unit
                    ),
                ));
            }
            table.local_currencies.push(local.clone());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        table.add_traditional_surfaces();
        Ok(table)
    }

    /// Lets each surface also match in traditional script (億元, 個百分點); a
    /// count keeps the measure word as written.
    fn add_traditional_surfaces(&mut self) {
        let variants: Vec<(String, UnitDef)> = self
            .by_surface
            .iter()
            .flat_map(|(surface, def)| {
                traditional(surface).into_iter().map(|t| {
                    let unit = if def.kind == Kind::Count {
                        t.clone()
                    } else {
                        def.unit.clone()
                    };
                    (
                        t,
                        UnitDef {
                            unit,
                            ..def.clone()
                        },
                    )
                })
            })
            .collect();
        for (surface, def) in variants {
            self.by_surface.entry(surface).or_insert(def);
        }
    }

    /// The currency a bare 元 stands for in `text`: the local dollar when the
    /// text is in traditional script and names one place more than the others
    /// (Hong Kong, Macao and Taiwan releases write 314億元 for their own money).
    pub fn local_currency(&self, text: &str) -> Option<&str> {
        if !is_traditional(text) {
            return None;
        }
        let mentions = |l: &LocalCurrency| -> usize {
            l.markers
                .iter()
                .map(|m| text.matches(m.as_str()).count())
                .sum()
        };
        let counts: Vec<(usize, &str)> = self
            .local_currencies
            .iter()
            .map(|l| (mentions(l), l.unit.as_str()))
            .collect();
        let &(most, unit) = counts.iter().max_by_key(|(n, _)| *n)?;
        let tied = counts.iter().filter(|(n, _)| *n == most).count() > 1;
        (most > 0 && !tied).then_some(unit)
    }

    /// The definition of a unit as written.
    pub fn get(&self, surface: &str) -> Option<&UnitDef> {
        self.by_surface.get(surface)
    }

    /// True when `unit` is a canonical unit of `kind` in the table.
    pub fn has_canonical(&self, kind: Kind, unit: &str) -> bool {
        self.by_surface
            .values()
            .any(|d| d.kind == kind && d.unit == unit)
    }

    /// The canonical units of one kind.
    pub fn canonical_units(&self, kind: Kind) -> impl Iterator<Item = String> + '_ {
        self.by_surface
            .values()
            .filter(move |d| d.kind == kind)
            .map(|d| d.unit.clone())
    }

    /// The surfaces of one kind, longest first, for the `{unit:kind}`
    /// alternations (explicit units left out).
    pub fn surfaces_of(&self, kind: Kind) -> Vec<&str> {
        let mut s: Vec<&str> = self
            .by_surface
            .iter()
            .filter(|(_, d)| d.kind == kind && !d.explicit)
            .map(|(s, _)| s.as_str())
            .collect();
        s.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        s
    }
}
