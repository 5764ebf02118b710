import HocBaModel

/// The PNG images drawn in the signature blocks: blue handwritten signatures (transparent background) and the
/// school's red seal, which overlaps the left third of the principal's signature.
public struct SignatureImages: Sendable, Hashable {
  public var homeroom: [UInt8]?
  public var principal: [UInt8]?
  public var seal: [UInt8]?

  public init(homeroom: [UInt8]? = nil, principal: [UInt8]? = nil, seal: [UInt8]? = nil) {
    self.homeroom = homeroom
    self.principal = principal
    self.seal = seal
  }
}

/// The homeroom teacher's comment and signature block, and the principal's approval block with the seal.
enum SignatureBlocks {
  static let signatureHeight = 56.0

  static func place(_ record: SchoolYearRecord, images: SignatureImages, on flow: inout PageFlow) {
    flow.paragraph("Nhận xét của giáo viên chủ nhiệm:", style: .label, gap: 2)
    flow.paragraph(record.homeroomComment ?? "", gap: 8)
    let column = PageFlow.contentWidth / 2
    let left = PageFlow.left
    let right = PageFlow.left + column
    flow.ensure(150)
    let top = flow.y
    let approval = record.approval
    var date = "…, ngày … tháng … năm …"
    if let day = approval?.date {
      date = "\(approval?.place ?? "…"), ngày \(day.day) tháng \(day.month) năm \(day.year)"
    }
    var y = top
    put(date, x: right, y: &y, width: column, style: TextStyle(italic: true, alignment: .center), on: &flow)
    var leftY = y
    put("GIÁO VIÊN CHỦ NHIỆM", x: left, y: &leftY, width: column, style: .header, on: &flow)
    put("(Ký và ghi rõ họ tên)", x: left, y: &leftY, width: column, style: centeredItalic, on: &flow)
    put("PHÊ DUYỆT CỦA HIỆU TRƯỞNG", x: right, y: &y, width: column, style: .header, on: &flow)
    put("(Ký, ghi rõ họ tên và đóng dấu)", x: right, y: &y, width: column, style: centeredItalic, on: &flow)
    let signatureTop = max(y, leftY) + 2
    let width = 120.0
    let homeroomFrame = Frame(
      x: left + (column - width) / 2, y: signatureTop, width: width, height: signatureHeight)
    let principalFrame = Frame(
      x: right + (column - width) / 2, y: signatureTop, width: width, height: signatureHeight)
    if let png = images.homeroom { flow.current.items.append(.image(png, homeroomFrame)) }
    if let png = images.principal { flow.current.items.append(.image(png, principalFrame)) }
    if let png = images.seal {
      // The seal sits on the left of the principal's signature and covers about a third of it.
      let side = signatureHeight + 16
      let seal = Frame(
        x: principalFrame.x - side + principalFrame.width / 3, y: signatureTop - 8, width: side, height: side)
      flow.current.items.append(.image(png, seal))
    }
    var nameY = signatureTop + signatureHeight + 4
    var rightNameY = nameY
    put(record.homeroomTeacher ?? "", x: left, y: &nameY, width: column, style: boldCentered, on: &flow)
    if let approval {
      put(approval.title, x: right, y: &rightNameY, width: column, style: .centeredCell, on: &flow)
      put(approval.fullName, x: right, y: &rightNameY, width: column, style: boldCentered, on: &flow)
    }
    flow.y = max(nameY, rightNameY) + 6
  }

  private static let centeredItalic = TextStyle(size: 8, italic: true, alignment: .center)
  private static let boldCentered = TextStyle(size: 9, bold: true, alignment: .center)

  private static func put(
    _ text: String, x: Double, y: inout Double, width: Double, style: TextStyle, on flow: inout PageFlow
  ) {
    guard !text.isEmpty else { return }
    let h = flow.height(text, width: width, style: style)
    flow.current.items.append(.text(text, Frame(x: x, y: y, width: width, height: h), style))
    y += h + 1
  }
}
