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
    let image = try RulingLines.removingDottedLeaders(from: original)
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

/// Chooses the template whose anchors a page carries; never guesses between two.
enum Classifier {
  static func classify(_ text: PageText, templates: [Template]) -> Result<Template, ClassificationFailure> {
    var matches: [(template: Template, score: Int)] = []
    var misses: [UnmatchedReason.TemplateMiss] = []
    for template in templates {
      let rule = template.classify
      let missing = rule.required.filter { !text.contains($0) }
      let any = rule.anyOf ?? []
      let anyFound = any.filter { text.contains($0) }
      let forbidden = (rule.forbidden ?? []).filter { text.contains($0) }
      if missing.isEmpty, any.isEmpty || !anyFound.isEmpty, forbidden.isEmpty {
        matches.append((template, rule.required.count + anyFound.count))
        continue
      }
      misses.append(
        UnmatchedReason.TemplateMiss(
          templateID: template.id, missing: missing, noneOf: !any.isEmpty && anyFound.isEmpty ? any : [],
          forbidden: forbidden))
    }
    let best = matches.map(\.score).max()
    let top = matches.filter { $0.score == best }
    if top.count == 1 { return .success(top[0].template) }
    if top.count > 1 {
      return .failure(ClassificationFailure(reason: UnmatchedReason(.ambiguous(templateIDs: top.map(\.template.id)))))
    }
    return .failure(ClassificationFailure(reason: UnmatchedReason(.noTemplate(misses))))
  }
}
