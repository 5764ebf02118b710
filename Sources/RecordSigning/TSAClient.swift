import Foundation

/// Gets RFC 3161 time-stamp tokens for new signatures (`hocba sign --tsa`).
public protocol TimeStamper {
  /// A token over `digest` (SHA-256 of the canonical `SignatureValue`), already checked: imprint, nonce,
  /// TSA signature and chain to the trust store, timeStamping key usage.
  func timestamp(sha256 digest: [UInt8]) throws(SigningError) -> TimeStampToken
}

/// A time-stamp authority reached over HTTP (`application/timestamp-query` → `application/timestamp-reply`).
public struct TSAClient: TimeStamper, Sendable {
  public var url: String
  /// The trust store the TSA certificate must chain to (the school's, so `verify` accepts the token too).
  public var trust: TrustStore
  public var timeout: TimeInterval

  public init(url: String, trust: TrustStore, timeout: TimeInterval = 15) {
    self.url = url
    self.trust = trust
    self.timeout = timeout
  }

  public func timestamp(sha256 digest: [UInt8]) throws(SigningError) -> TimeStampToken {
    let request: TimeStampRequest
    do {
      request = try TimeStampRequest(sha256: digest)
    } catch {
      throw .crypto(error)
    }
    let reply: HTTPPost.Reply
    do {
      reply = try HTTPPost.send(
        url, contentType: "application/timestamp-query", accept: "application/timestamp-reply", body: request.der,
        timeout: timeout)
    } catch {
      switch error {
      case .unsupportedURL: throw .timestampURLUnsupported(url: url)
      case .unreachable(let detail): throw .timestampUnavailable(url: url, detail: detail)
      case .malformedReply: throw .timestampRejected(url: url, problems: [.unreadable])
      }
    }
    guard reply.status == 200 else { throw .timestampUnavailable(url: url, detail: "HTTP \(reply.status)") }
    guard reply.contentType?.hasPrefix("application/timestamp-reply") == true else {
      throw .timestampRejected(url: url, problems: [.unreadable])
    }
    let token: TimeStampToken
    do {
      token = try TimeStampToken.fromResponse(reply.body)
    } catch {
      if case .timeStampNotGranted(let status) = error {
        throw .timestampRejected(url: url, problems: [.notGranted(status)])
      }
      throw .timestampRejected(url: url, problems: [.unreadable])
    }
    var problems: [TimeStampProblem]
    do {
      problems = try token.problems(sha256: digest, trust: trust)
    } catch {
      throw .crypto(error)
    }
    if token.nonce != request.nonce { problems.append(.nonceMismatch) }
    guard problems.isEmpty else { throw .timestampRejected(url: url, problems: problems) }
    return token
  }

  /// Checks that the TSA answers and is trusted before anything is signed (one token over a fixed probe).
  public func probe() throws(SigningError) {
    _ = try timestamp(sha256: SHA256.digest(Array("hocba TSA probe".utf8)))
  }
}
