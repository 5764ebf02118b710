import Foundation
import HocBaModel
import Testing

@testable import FieldMapping

@Suite struct TemplateLoadingTests {
  static let mappings = Evaluation.packageRoot.appendingPathComponent("Mappings")

  @Test func shippedTemplatesLoad() throws {
    let set = try TemplateSet.load(directory: Self.mappings)
    #expect(Set(set.templates.map(\.id)) == ["info-page", "year-tt22-thcs", "year-tt22-thpt", "year-tt58-thcs"])
    #expect(set.templates.compactMap(\.kind).count == 4)
  }

  @Test func newerVersionIsRefused() throws {
    let json = #"{"version": 2, "id": "x"}"#
    #expect(throws: MappingError.newerVersion(file: "x.json", version: 2, supported: 1)) {
      try TemplateSet.parse(Data(json.utf8), file: "x.json")
    }
  }

  @Test func decodingErrorNamesTheKeyPath() throws {
    var object =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: Self.mappings.appendingPathComponent("year-tt22-thpt.json"))) as! [String: Any]
    var tables = object["tables"] as! [[String: Any]]
    var columns = tables[0]["columns"] as! [[String: Any]]
    columns[1]["match"] = 5
    tables[0]["columns"] = columns
    object["tables"] = tables
    let data = try JSONSerialization.data(withJSONObject: object)
    do {
      _ = try TemplateSet.parse(data, file: "bad.json")
      Issue.record("a wrong type must be refused")
    } catch let error as MappingError {
      guard case .invalidTemplate(let file, let keyPath, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(file == "bad.json")
      #expect(keyPath == "tables[0].columns[1].match")
      #expect(error.message(in: .vietnamese).contains("tables[0].columns[1].match"))
    }
  }

  @Test func unknownProfileIsNamed() throws {
    var object =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: Self.mappings.appendingPathComponent("info-page.json"))) as! [String: Any]
    var fields = object["fields"] as! [[String: Any]]
    fields[2]["profile"] = "nope"
    object["fields"] = fields
    #expect(
      throws: MappingError.invalidTemplate(
        file: "f.json", keyPath: "fields[2].profile", problem: .unknownProfile("nope"))
    ) {
      try TemplateSet.parse(try JSONSerialization.data(withJSONObject: object), file: "f.json")
    }
  }

  @Test func missingKeyIsNamed() throws {
    let json = #"{"version": 1, "id": "x", "page": "info", "profiles": {}, "lexicons": {}, "fields": [], "tables": []}"#
    #expect(throws: MappingError.invalidTemplate(file: "m.json", keyPath: "classify", problem: .missingKey)) {
      try TemplateSet.parse(Data(json.utf8), file: "m.json")
    }
  }
}
