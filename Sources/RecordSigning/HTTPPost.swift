import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP/1.0 POST over a plain TCP socket: what an RFC 3161 time-stamp request needs (the token is signed by
/// the TSA, so the transport needs no TLS). Only `http://host[:port]/path` URLs; bounded reply, one timeout for
/// connect, send and receive.
enum HTTPPost {
  struct Reply {
    var status: Int
    var contentType: String?
    var body: [UInt8]
  }

  /// Why the exchange failed (the caller names the URL).
  enum Failure: Error {
    case unsupportedURL
    case unreachable(String)
    case malformedReply
  }

  static let maximumReplyBytes = 1 << 20

  /// The host, port and path of an `http://` URL.
  static func parse(_ url: String) -> (host: String, port: UInt16, path: String)? {
    guard url.lowercased().hasPrefix("http://") else { return nil }
    let rest = url.dropFirst("http://".count)
    let authority = rest.prefix { $0 != "/" }
    let path = rest.dropFirst(authority.count)
    var host = String(authority)
    var port: UInt16 = 80
    if let colon = authority.lastIndex(of: ":") {
      guard let number = UInt16(authority[authority.index(after: colon)...]) else { return nil }
      host = String(authority[..<colon])
      port = number
    }
    guard !host.isEmpty, !host.contains("@") else { return nil }
    return (host, port, path.isEmpty ? "/" : String(path))
  }

  static func send(_ url: String, contentType: String, accept: String, body: [UInt8], timeout: TimeInterval)
    throws(Failure) -> Reply
  {
    guard let (host, port, path) = parse(url) else { throw .unsupportedURL }
    let socket = try connect(host: host, port: port, timeout: timeout)
    defer { close(socket) }
    let head =
      "POST \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nContent-Type: \(contentType)\r\nAccept: \(accept)\r\n"
      + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    let request = Array(head.utf8) + body
    var sent = 0
    while sent < request.count {
      let written = request.withUnsafeBytes {
        Glibc.send(socket, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL))
      }
      guard written > 0 else { throw .unreachable(String(cString: strerror(errno))) }
      sent += written
    }
    var reply: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      let got = recv(socket, &chunk, chunk.count, 0)
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw .unreachable(String(cString: strerror(errno))) }
      if got == 0 { break }
      reply += chunk[0..<got]
      guard reply.count <= maximumReplyBytes else { throw .malformedReply }
    }
    return try split(reply)
  }

  private static func connect(host: String, port: UInt16, timeout: TimeInterval) throws(Failure) -> Int32 {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var found: UnsafeMutablePointer<addrinfo>? = nil
    let resolved = getaddrinfo(host, String(port), &hints, &found)
    guard resolved == 0, let first = found else { throw .unreachable(String(cString: gai_strerror(resolved))) }
    defer { freeaddrinfo(first) }
    var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
    var reason = "no address"
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let address = candidate {
      candidate = address.pointee.ai_next
      let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
      guard socket >= 0 else { continue }
      // SO_SNDTIMEO also bounds connect(2) on Linux.
      setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
      setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
      if Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return socket }
      reason = String(cString: strerror(errno))
      close(socket)
    }
    throw .unreachable(reason)
  }

  /// Status line, headers and body of a raw HTTP/1.x reply.
  static func split(_ reply: [UInt8]) throws(Failure) -> Reply {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = (0..<max(0, reply.count - 3)).first(where: { Array(reply[$0..<$0 + 4]) == separator }) else {
      throw .malformedReply
    }
    let lines = String(decoding: reply[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
      throw .malformedReply
    }
    var contentType: String?
    var length: Int?
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "content-type" { contentType = value.lowercased() }
      if name == "content-length" { length = Int(value) }
    }
    var body = Array(reply[(end + 4)...])
    if let length {
      guard length >= 0, body.count >= length else { throw .malformedReply }
      body = Array(body.prefix(length))
    }
    return Reply(status: status, contentType: contentType, body: body)
  }
}
