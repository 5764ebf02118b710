import HocBaModel
import ScanCapture

/// Reads the fields of one page with one template: locates each value, decides empty from ink, then OCRs it.
struct FieldReader<Engine: OCREngine> {
  /// What a value is read as.
  struct Target {
    var path: String
    var type: FieldType
    var profile: String
    var lexicon: String?
    var critical: Bool
  }

  let template: Template
  var image: PageImage
  let engine: Engine
  let text: PageText
  /// The page's red-ink mask (red-pen corrections, seals), nil when none was found.
  let redInk: PageImage?
  /// Resolution of the page (300 when the file did not say).
  let dpi: Int
  private(set) var cachedGrids: [TableGrid]?
  /// Header tokens read by OCR, by view, header depth and column, when the page OCR did not give them.
  var headerCache: [HeaderKey: [String]] = [:]

  /// Name syllables for correcting tone-mark misreadings in names.
  let names: NameLexicon?
  /// The page the table rulings are found on: the page before dotted leaders were removed, since a faint rule can
  /// break into specks that the leader removal would take for a leader.
  let rulings: PageImage

  init(
    template: Template, image: PageImage, engine: Engine, text: PageText, redInk: PageImage? = nil,
    names: NameLexicon? = nil, rulings: PageImage? = nil
  ) {
    self.template = template
    self.names = names
    self.rulings = rulings ?? image
    self.redInk = redInk
    self.image = image
    self.engine = engine
    self.text = text
    self.dpi = image.resolution > 0 ? image.resolution : RulingLines.fallbackResolution
  }

  /// The page's ruled tables, detected once.
  mutating func grids() throws -> [TableGrid] {
    if let cachedGrids { return cachedGrids }
    let found = TableGrid.tables(in: try RulingLines.detect(in: rulings), resolution: dpi)
    cachedGrids = found
    return found
  }

  /// The template's catalog subjects as a lexicon from each printed name to itself (a subject list keeps names).
  var subjectNames: [String: String] {
    guard let regime = template.regime, let band = template.band else { return [:] }
    let names = SubjectCatalog.entries.filter { $0.regime == regime && $0.band == band }.map(\.name)
    return Dictionary(names.map { ($0, $0) }) { first, _ in first }
  }

  /// Inches to pixels at the page's resolution.
  func pixels(_ inches: Double) -> Int { Int((Double(dpi) * inches).rounded()) }

  /// Ink marks at least `minimumHeight` pixels high inside `region`.
  func marks(in region: PixelRect, minimumHeight: Int, keepingRules: Bool = false) throws -> [PixelRect] {
    try RulingLines.inkMarks(in: image, region: region, minimumHeight: minimumHeight, keepingRules: keepingRules)
  }

  /// A reading for a value that is absent: an empty cell or line (`found`) or a value that could not be located.
  func empty(_ target: Target, box: PixelRect, found: Bool) -> FieldReading {
    FieldReading(
      path: target.path, type: target.type, critical: target.critical, rawText: "",
      normalizedValue: found ? "" : nil, confidence: 0, box: box)
  }

  /// OCRs the ink inside `inkBox` (padded, limited to `limit`) with the target's profile and normalises it.
  func read(_ target: Target, inkBox: PixelRect, limit: PixelRect? = nil, fallbackCode: String? = nil) throws
    -> FieldReading
  {
    let pad = max(3, pixels(0.05))
    var box = PixelRect(
      x: inkBox.x - pad, y: inkBox.y - pad, width: inkBox.width + 2 * pad, height: inkBox.height + 2 * pad)
    if let limit {
      let left = max(box.x, limit.x)
      let top = max(box.y, limit.y)
      let right = min(box.x + box.width, limit.x + limit.width)
      let bottom = min(box.y + box.height, limit.y + limit.height)
      box = PixelRect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top))
    }
    guard let spec = template.profiles[target.profile], let profile = spec.recognition else {
      throw MappingError.invalidTemplate(
        file: template.id, keyPath: target.path, problem: .unknownProfile(target.profile))
    }
    let lexicon = target.type == .subjectList ? subjectNames : target.lexicon.flatMap { template.lexicons[$0] }
    let border = max(4, pixels(0.06))
    let crop = image.croppedForReading(to: box, whiteBorder: border)
    let checked = Self.crossChecked.contains(target.type)
    let scaled = Self.readAtScale.contains(target.type)
    // Numbers are read with their ink scaled to about 24 px: on score cells this size reads best (measured on 663
    // cells: 652 right, against 644 at the scan's own size, where "5" is taken for "9" in some serif fonts).
    let first = try recognize(
      scaled ? scaledCrop(box, inkHeight: inkBox.height, border: border, height: Self.readingHeights[0]) : crop,
      profile: profile)
    let raw = first.text.nfc
    var value = ValueNormalizer.normalize(raw, type: target.type, lexicon: lexicon)
    var confidence = first.confidence
    if let fallbackCode, ValueNormalizer.lookUp(raw, in: lexicon ?? [:]) != fallbackCode {
      // A phrase found in the page text but read differently in its crop: keep the page's code, for review.
      value = fallbackCode
      confidence = min(confidence, Self.disputedConfidence)
    }
    if value == nil, Self.closedVocabularies.contains(target.type), let lexicon,
      let near = ValueNormalizer.nearest(raw, in: lexicon)
    {
      // One letter off exactly one word of a closed vocabulary ("Tết" for "Tốt"): proposed, for review.
      value = near
      confidence = min(confidence, Self.disputedConfidence)
    }
    if target.type == .name, let read = value, let names, !names.lists(read) {
      // A syllable no name has goes to review; where exactly one listed syllable differs from it only in its
      // marks, that one is proposed.
      value = names.corrected(read).name
      confidence = min(confidence, Self.disputedConfidence)
    }
    if let read = value, !spec.accepts(read) {
      // A value of the wrong shape ("704" for a class name) is read with the alternate profile; whatever it gives
      // goes to review.
      value = nil
      if let alternate = spec.alternate.flatMap({ template.profiles[$0]?.recognition }) {
        let second = ValueNormalizer.normalize(
          try recognize(crop, profile: alternate).text.nfc, type: target.type, lexicon: lexicon)
        value = second.flatMap { spec.accepts($0) ? $0 : nil }
      }
      confidence = min(confidence, Self.disputedConfidence)
    }
    if checked, !raw.isEmpty {
      // Short critical values are read again at other sizes; a disagreement goes to review.
      let check = try crossCheck(
        value, scaled: scaled, box: box, inkHeight: inkBox.height, border: border, profile: profile
      ) {
        ValueNormalizer.normalize($0.nfc, type: target.type, lexicon: lexicon)
      }
      value = check.value
      if !check.unanimous { confidence = min(confidence, Self.disputedConfidence) }
    }
    return FieldReading(
      path: target.path, type: target.type, critical: target.critical, rawText: raw,
      normalizedValue: value, confidence: confidence, box: box, cropPNG: try? crop.pngData())
  }
}

extension FieldReader {
  /// Types read a second time at another size (a third time when the two disagree). Dates, school years and
  /// citizen IDs too: they tie a page to its book, and one slash read as "1" ("2107/2010") lost the date.
  static var crossChecked: Set<FieldType> {
    [.score, .level, .passLevel, .conduct, .rank, .integer, .sex, .date, .schoolYear, .citizenID]
  }

  /// Types whose values are the words of a lexicon (levels, conduct, rank, promotion, sex).
  static var closedVocabularies: Set<FieldType> { [.level, .passLevel, .conduct, .rank, .promotion, .sex] }

  /// The confidence given to a value the readings disagreed on: below every review threshold.
  static var disputedConfidence: Double { 40 }

  /// Types whose first reading is at the first reading height rather than the scan's own size.
  static var readAtScale: Set<FieldType> { [.score, .integer] }

  /// The crop of `box` with its ink scaled to about `height` pixels.
  func scaledCrop(_ box: PixelRect, inkHeight: Int, border: Int, height: Double, enlarge: Double? = nil) -> PageImage {
    let ratio = height / Double(max(1, inkHeight))
    let scale = enlarge.map { ratio > 0.85 ? $0 : ratio } ?? ratio
    return image.croppedForReading(to: box, whiteBorder: max(4, Int(Double(border) * scale)), scale: scale)
  }

  /// The first reading of a value read at scale, and the two rereads of a cross-checked one.
  static var readingHeights: [Double] { [24, 28, 32] }

  /// Rereads `box` and, when that differs, rereads it once more; the value at least two of the three readings
  /// agree on wins. A value first read at scale (`scaled`) is reread with its ink at 28 and 32 px; one first read
  /// at the scan's size is reread at about 24 and 32 px (small ink is enlarged 1.5× and 1.25× instead).
  func crossCheck(
    _ value: String?, scaled: Bool, box: PixelRect, inkHeight: Int, border: Int, profile: RecognitionProfile,
    normalize: (String) -> String?
  ) throws -> (value: String?, unanimous: Bool) {
    func reread(_ height: Double, enlarge: Double) throws -> String? {
      let crop = scaledCrop(box, inkHeight: inkHeight, border: border, height: height, enlarge: scaled ? nil : enlarge)
      return normalize(try recognize(crop, profile: profile).text)
    }
    let second = try reread(scaled ? Self.readingHeights[1] : 24, enlarge: 1.5)
    if second == value { return (value, value != nil) }
    let third = try reread(Self.readingHeights[2], enlarge: 1.25)
    if let value, third == value { return (value, false) }
    if let second, third == second { return (second, false) }
    return (value, false)
  }
}
