// HocBaModel owns the value types of a học bạ: the student, the school-year record, scores, levels, the
// citizen ID, the regimes (TT22 / TT58) and the data tables of subjects and vocabularies. It depends on
// Foundation only and performs no I/O.
