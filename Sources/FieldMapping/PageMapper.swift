public import ScanCapture

/// Maps prepared pages to field readings with a set of templates.
///
/// One full-page OCR pass classifies the page and finds the anchors; ruling lines give the table cells; each
/// field is then read once from its own crop with the profile its template declares.
public struct PageMapper: Sendable {
  /// The templates pages are matched against.
  public let templates: TemplateSet

  /// Creates a mapper for `templates`.
  public init(templates: TemplateSet) {
    self.templates = templates
  }

  /// Classifies `page` and reads every field of its template; a page no template matches is `.unmatched`.
  public func read(_ page: PreparedPage, engine: some OCREngine) throws -> PageReading {
    if page.isBlank { return .unmatched(reason: UnmatchedReason(.blankPage)) }
    return try read(image: page.image, redInk: page.redInk, engine: engine)
  }

  /// Maps an already prepared (upright, deskewed, grey) image.
  public func read(image original: PageImage, engine: some OCREngine) throws -> PageReading {
    try read(image: original, redInk: nil, engine: engine)
  }

  /// Maps a prepared image whose red ink (`redInk`, same geometry) was split off: cells with red corrections
  /// are read from the red layer and always go to review.
  func read(image original: PageImage, redInk: PageImage?, engine: some OCREngine) throws -> PageReading {
    // Dotted leaders under label values make full-page OCR garble whole lines; values are read without them too.
    // Underlines under label values (some forms print them instead of dots) are taken away the same way.
    let image = try RulingLines.removingUnderlines(from: try RulingLines.removingDottedLeaders(from: original))
    var text = PageText(words: try engine.recognizePage(image))
    var supplemented = false
    func supplement() throws {
      // Full layout analysis sometimes drops whole form lines (a label and its value); a sparse-text pass finds
      // them. Only its words where the first pass found none are added.
      guard !supplemented else { return }
      supplemented = true
      text = text.adding(try engine.recognizeSparseWords(image))
    }
    var template: Template
    switch Classifier.classify(text, templates: templates.templates) {
    case .failure:
      try supplement()
      switch Classifier.classify(text, templates: templates.templates) {
      case .failure(let failure): return .unmatched(reason: failure.reason)
      case .success(let found): template = found
      }
    case .success(let found): template = found
    }
    if !template.anchorsMissing(in: text).isEmpty {
      try supplement()
      if case .success(let found) = Classifier.classify(text, templates: templates.templates) { template = found }
    }
    guard let kind = template.kind else {
      return .unmatched(reason: UnmatchedReason(.noPageKind(templateID: template.id)))
    }
    var reader = FieldReader(
      template: template, image: image, engine: engine, text: text, redInk: redInk, names: templates.names,
      rulings: original)
    var fields = try reader.readFields()
    fields += try reader.readTables()
    return .matched(templateID: "\(template.id)@\(template.version)", kind: kind, fields: fields)
  }
}

/// Why no template was chosen.
struct ClassificationFailure: Error {
  var reason: UnmatchedReason
}

/// Chooses the template whose anchor phrases a page carries, weighing them as evidence; never guesses between two.
enum Classifier {
  /// One template's evidence on a page.
  struct Evidence {
    let template: Template
    let missing: [String]
    let anyFound: [String]
    let forbidden: [String]
    let score: Int
    let qualifies: Bool
  }

  static func evidence(for template: Template, in text: PageText) -> Evidence {
    let rule = template.classify
    let weights = rule.weights ?? .standard
    let any = rule.anyOf ?? []
    let found = rule.required.filter { text.contains($0) }
    let anyFound = any.filter { text.contains($0) }
    let forbidden = (rule.forbidden ?? []).filter { text.contains($0) }
    let score =
      found.count * weights.required + min(anyFound.count, weights.anyOfCap) * weights.anyOf - forbidden.count
      * weights.forbidden
    let attainable = rule.required.count * weights.required + min(any.count, weights.anyOfCap) * weights.anyOf
    // The page must carry at least one of the template's own anchors, and enough of its evidence overall.
    let anchored = !found.isEmpty || (rule.required.isEmpty && !anyFound.isEmpty)
    return Evidence(
      template: template, missing: rule.required.filter { !found.contains($0) }, anyFound: anyFound,
      forbidden: forbidden, score: score,
      qualifies: anchored && score > 0 && score * 100 >= attainable * weights.minimumPercent)
  }

  static func classify(_ text: PageText, templates: [Template]) -> Result<Template, ClassificationFailure> {
    let all = templates.map { evidence(for: $0, in: text) }
    let candidates = all.filter(\.qualifies).sorted { $0.score > $1.score }
    if let best = candidates.first {
      let margin = (best.template.classify.weights ?? .standard).minimumMargin
      let close = candidates.dropFirst().filter { best.score - $0.score < margin }
      if close.isEmpty { return .success(best.template) }
      return .failure(
        ClassificationFailure(
          reason: UnmatchedReason(.ambiguous(templateIDs: ([best] + close).map(\.template.id)))))
    }
    let misses = all.map { evidence in
      let any = evidence.template.classify.anyOf ?? []
      return UnmatchedReason.TemplateMiss(
        templateID: evidence.template.id, missing: evidence.missing,
        noneOf: !any.isEmpty && evidence.anyFound.isEmpty ? any : [], forbidden: evidence.forbidden)
    }
    return .failure(ClassificationFailure(reason: UnmatchedReason(.noTemplate(misses))))
  }
}
