import Foundation
import Testing

@testable import RecordSigning

/// The TSA's HTTP reply, split into status, type and body; a reply that lies about its length is refused.
@Suite struct HTTPReplyTests {
  static func reply(_ head: String, body: [UInt8]) -> [UInt8] { Array(head.utf8) + body }

  @Test func aReplyIsSplitIntoStatusTypeAndBody() throws {
    let reply = try HTTPPost.split(
      Self.reply(
        "HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: 3\r\n\r\n", body: [1, 2, 3, 4])
    )
    #expect(reply.status == 200 && reply.contentType == "application/timestamp-reply" && reply.body == [1, 2, 3])
  }

  @Test(arguments: ["-1", "10"])
  func aLengthThatIsNegativeOrLongerThanTheBodyIsRefused(length: String) {
    let bytes = Self.reply("HTTP/1.0 200 OK\r\nContent-Length: \(length)\r\n\r\n", body: [1, 2, 3])
    #expect(throws: HTTPPost.Failure.self) { try HTTPPost.split(bytes) }
  }
}
