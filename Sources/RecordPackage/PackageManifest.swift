/// `manifest.json` of a hand-over package: who exported what, counts, and the SHA-256 of every other file.
public struct PackageManifest: Codable, Sendable, Equatable {
  public static let currentFormat = "hocba-package/1"
  public static let fileName = "manifest.json"

  public struct School: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
      self.code = code
      self.name = name
    }
  }

  /// The filters the export was run with (nil: not filtered).
  public struct Selection: Codable, Sendable, Equatable {
    public var schoolYear: String?
    public var className: String?
    public var record: Int64?
    public var state: String?
    public var withScans: Bool
    public init(schoolYear: String?, className: String?, record: Int64?, state: String?, withScans: Bool) {
      self.schoolYear = schoolYear
      self.className = className
      self.record = record
      self.state = state
      self.withScans = withScans
    }
  }

  /// One exported record: its sending-side id, state, year, class and the path of its XML in the archive.
  public struct Record: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: String
    public var schoolYear: String
    public var className: String
    public var file: String
    public var signed: Bool
    public init(id: Int64, state: String, schoolYear: String, className: String, file: String, signed: Bool) {
      self.id = id
      self.state = state
      self.schoolYear = schoolYear
      self.className = className
      self.file = file
      self.signed = signed
    }
  }

  public struct File: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String
  }

  public var format: String
  public var toolVersion: String
  public var school: School
  public var exportedBy: String
  public var selection: Selection
  public var records: [Record]
  public var countsByState: [String: Int]
  public var countsByClass: [String: Int]
  public var files: [File]

  /// A manifest for `records`; counts are derived here, file hashes are added by `RecordPackage.build`.
  public init(toolVersion: String, school: School, exportedBy: String, selection: Selection, records: [Record]) {
    format = Self.currentFormat
    self.toolVersion = toolVersion
    self.school = school
    self.exportedBy = exportedBy
    self.selection = selection
    self.records = records.sorted { $0.id < $1.id }
    countsByState = Self.counts(records.map(\.state))
    countsByClass = Self.counts(records.map(\.className))
    files = []
  }

  static func counts(_ keys: [String]) -> [String: Int] { keys.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
}
