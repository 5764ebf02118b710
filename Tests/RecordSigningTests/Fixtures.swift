import Foundation
import HocBaSamples
import RecordSigning
import RecordXML
import Testing

/// The sample record signed in order: math teacher → homeroom → principal → school (PKCS#12 signers).
struct SignedSample: Sendable {
  static let shared: Result<SignedSample, any Error> = Result { try SignedSample() }

  let pki: TestPKI
  let original: [UInt8]
  /// The document after each signature, in order.
  let steps: [[UInt8]]
  var final: [UInt8] { steps.last! }
  let signingTime: Date

  static let order: [(SignatureSlot, TestPKI.Identity)] = [
    (.subjectTeacher(subjectCode: "toan"), .mathTeacher), (.homeroom, .homeroom), (.principal, .principal),
    (.school, .school),
  ]
  static let signatureIDs = ["sig-gvmh-toan", "sig-gvcn", "sig-ht", "sig-dvi"]

  private init() throws {
    pki = try TestPKI.shared.get()
    original = try RecordXML.export(SampleRecords.tt22Secondary)
    signingTime = Date()
    var current = original
    var steps: [[UInt8]] = []
    for (slot, identity) in Self.order {
      current = try RecordSigner.sign(current, slot: slot, signer: try pki.signer(identity), signingTime: signingTime)
      steps.append(current)
    }
    self.steps = steps
  }

  static func get() throws -> SignedSample { try shared.get() }
}

extension [UInt8] {
  var text: String { String(decoding: self, as: UTF8.self) }
}

extension String {
  var bytes: [UInt8] { Array(utf8) }

  /// Replaces the first occurrence of `target` (which must exist) with `replacement`.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else {
      Issue.record("tamper target not found: \(target.prefix(60))")
      return self
    }
    return replacingCharacters(in: range, with: replacement)
  }

  /// The text between `start` and the next `end` after it (both included).
  func span(from start: String, to end: String) -> String? {
    guard let lower = range(of: start),
      let upper = range(of: end, range: lower.upperBound..<endIndex)
    else { return nil }
    return String(self[lower.lowerBound..<upper.upperBound])
  }
}
