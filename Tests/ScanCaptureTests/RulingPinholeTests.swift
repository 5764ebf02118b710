import Testing

@testable import ScanCapture

/// A thin rule with pinholes (scanner noise, a rotated 1-px line) is still one rule.
@Suite struct RulingPinholeTests {
  @Test func aRuleWithPinholesIsFoundWhole() throws {
    let width = 1200
    let height = 600
    var pixels = [UInt8](repeating: 240, count: width * height)
    for x in 100..<1100 where x % 40 != 0 { pixels[300 * width + x] = 20 }  // 1 px thick, a hole every 40 px
    for x in 100..<1100 where x % 40 != 0 { pixels[301 * width + x] = 20 }
    for y in 100..<500 where y % 40 != 0 { pixels[y * width + 600] = 20 }  // a vertical rule, 2 px wide
    for y in 100..<500 where y % 40 != 0 { pixels[y * width + 601] = 20 }
    let image = try #require(PageImage(grey: pixels, width: width, height: height))
    image.setResolution(300)
    let rules = try RulingLines.detect(in: image)
    // Without bridging the holes, the 40-px pieces are all shorter than the 0.3-inch opening: nothing is found.
    #expect(rules.horizontal.count == 1)
    #expect(rules.horizontal.first.map { $0.box.width >= 990 } == true)
    #expect(rules.vertical.count == 1)
    #expect(rules.vertical.first.map { $0.box.height >= 390 } == true)
  }
}
