/// An element being decoded, with its path from `DLHocBa` for error messages (names only, never values).
///
/// The schema has already checked presence, order and lexical form; these helpers still refuse a missing element
/// or a value the model rejects with an error instead of trapping, and require the canonical form so that
/// XML → model → XML gives the same bytes.
struct DecodingNode {
  let element: XMLElementNode
  let path: String
  let source: String

  /// The required child `name`.
  func child(_ name: String) throws(RecordXMLError) -> DecodingNode {
    guard let node = optionalChild(name) else { throw invalid(name) }
    return node
  }

  /// The child `name`, or nil when absent.
  func optionalChild(_ name: String) -> DecodingNode? {
    element.child(name).map { DecodingNode(element: $0, path: "\(path)/\(name)", source: source) }
  }

  /// Every child named `name`, in order, with positions in their paths when there are several.
  func children(_ name: String) -> [DecodingNode] {
    let found = element.children(named: name)
    return found.enumerated().map { index, element in
      let suffix = found.count > 1 ? "[\(index + 1)]" : ""
      return DecodingNode(element: element, path: "\(path)/\(name)\(suffix)", source: source)
    }
  }

  /// The text of the required child `name`.
  func text(_ name: String) throws(RecordXMLError) -> String { try child(name).element.text }

  /// The text of the child `name`, or nil when absent.
  func optionalText(_ name: String) -> String? { optionalChild(name)?.element.text }

  /// The texts of every child named `name`.
  func texts(_ name: String) -> [String] { element.children(named: name).map(\.text) }

  /// The required child `name` converted by `convert`; refused when it gives nil or a non-canonical value.
  func value<T>(
    _ name: String, _ convert: (String) -> T?, canonical: (T) -> String
  ) throws(RecordXMLError) -> T {
    let node = try child(name)
    guard let value = convert(node.element.text), canonical(value) == node.element.text else {
      throw node.invalidHere()
    }
    return value
  }

  /// Like `value` for an optional child.
  func optionalValue<T>(
    _ name: String, _ convert: (String) -> T?, canonical: (T) -> String
  ) throws(RecordXMLError) -> T? {
    guard optionalChild(name) != nil else { return nil }
    return try value(name, convert, canonical: canonical)
  }

  /// An enumeration coded by its raw value.
  func code<T: RawRepresentable>(_ name: String, as _: T.Type) throws(RecordXMLError) -> T
  where T.RawValue == String {
    try value(name, { T(rawValue: $0) }, canonical: { $0.rawValue })
  }

  /// An optional enumeration coded by its raw value.
  func optionalCode<T: RawRepresentable>(_ name: String, as _: T.Type) throws(RecordXMLError) -> T?
  where T.RawValue == String {
    try optionalValue(name, { T(rawValue: $0) }, canonical: { $0.rawValue })
  }

  /// The error for this element's value.
  func invalidHere() -> RecordXMLError { .invalidValue(source: source, element: path, line: element.line) }

  /// The error for the child `name` (missing or invalid).
  func invalid(_ name: String) -> RecordXMLError {
    .invalidValue(source: source, element: "\(path)/\(name)", line: element.line)
  }
}
