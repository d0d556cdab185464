import Markdown

/// Numbers and paths for SVG, written by hand: fixed decimals, no locale, so output is the
/// same on every machine and run.
enum SVGText {
    /// A value to one decimal, without a trailing `.0` (`12.3`, `-4`, `0`).
    static func number(_ value: Double) -> String {
        tenths(Int((value * 10).rounded()))
    }

    static func tenths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Rings as one path: the first point absolute, the rest as relative steps, and points
    /// closer than `minimumStep` units to the last one dropped: the drawing cannot show them.
    static func path(_ rings: [[ScreenPoint]], minimumStep: Double = 0.8) -> String {
        var d = ""
        let step = Int((minimumStep * 10).rounded())
        for ring in rings where ring.count >= 3 {
            let points = ring.map { (x: Int(($0.x * 10).rounded()), y: Int(($0.y * 10).rounded())) }
            var last = points[0]
            var steps: [(Int, Int)] = []
            for (index, point) in points.enumerated().dropFirst() {
                let isLast = index == points.count - 1
                guard abs(point.x - last.x) >= step || abs(point.y - last.y) >= step || (isLast && point != last) else { continue }
                steps.append((point.x - last.x, point.y - last.y))
                last = point
            }
            guard steps.count >= 2 else { continue }
            d += "M" + tenths(points[0].x) + joined(tenths(points[0].y)) + "l"
            var first = true
            for (dx, dy) in steps {
                d += (first ? tenths(dx) : joined(tenths(dx))) + joined(tenths(dy))
                first = false
            }
            d += "z"
        }
        return d
    }

    /// A minus sign separates numbers by itself; anything else needs a space.
    private static func joined(_ number: String) -> String {
        number.hasPrefix("-") ? number : " " + number
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The attributes of a `<rect>` covering `rect`.
    static func box(_ rect: ScreenRect) -> String {
        "x=\"\(number(rect.minX))\" y=\"\(number(rect.minY))\" width=\"\(number(rect.width))\" height=\"\(number(rect.height))\""
    }
}
