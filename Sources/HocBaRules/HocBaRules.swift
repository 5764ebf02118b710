// HocBaRules owns the cross-field consistency checks C1–C17 of shared/domain.md §8: one check per type, run from
// the one ordered list in `RuleBook`, the exact level computations they rely on (`Levels/`), the Vietnamese name
// helpers (`Text/`) and the school-editable `RulesPolicy`. It depends on HocBaModel only, never prints and never
// changes a record: it returns findings.
