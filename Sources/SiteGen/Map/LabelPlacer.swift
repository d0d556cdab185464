/// Puts labels where they overlap nothing already drawn: right of the point by default,
/// then the other sides, then further out; a label that fits nowhere is left out (the list
/// beside the map still names the place).
struct LabelPlacer {
    struct Label: Sendable, Hashable {
        var text: String
        /// The baseline start, middle or end, as `anchor` says.
        var x: Double
        var y: Double
        var anchor: String
        var box: ScreenRect
    }

    let frame: ScreenRect
    private(set) var taken: [ScreenRect]

    init(frame: ScreenRect, taken: [ScreenRect] = []) {
        self.frame = frame
        self.taken = taken
    }

    mutating func reserve(_ rect: ScreenRect) {
        taken.append(rect)
    }

    func isFree(_ rect: ScreenRect) -> Bool {
        frame.contains(rect) && !taken.contains { $0.intersects(rect) }
    }

    /// Text width without font metrics: an average sans-serif letter is a little over half
    /// the font size wide; the estimate errs wide so real text stays inside its box.
    static func width(of text: String, fontSize: Double, letterSpacing: Double = 0) -> Double {
        let narrow = text.filter { "iIl1.,;:'|fjtr ()-".contains($0) }.count
        let wide = text.filter { "mwMWÆæ".contains($0) }.count
        // Capitals are wider than the average letter (DejaVu Sans, Linux's default, most of all).
        let capitals = text.filter { $0.isUppercase && !"IMWÆ".contains($0) }.count
        let letters = Double(text.count - narrow - wide - capitals) * 0.6 + Double(narrow) * 0.36 + Double(wide) * 0.88
            + Double(capitals) * 0.72
        return letters * fontSize + Double(text.count) * letterSpacing
    }

    /// The box of a label whose baseline is at (x, y), for a given anchor.
    static func box(_ text: String, x: Double, y: Double, anchor: String, fontSize: Double, letterSpacing: Double = 0) -> ScreenRect {
        let width = self.width(of: text, fontSize: fontSize, letterSpacing: letterSpacing)
        let left = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2
        return ScreenRect(minX: left, minY: y - fontSize * 0.8, maxX: left + width, maxY: y + fontSize * 0.25)
    }

    /// A label beside a marker of radius `radius` at `point`.
    mutating func place(_ text: String, beside point: ScreenPoint, radius: Double, fontSize: Double) -> Label? {
        let gap = radius + 3
        let middle = fontSize * 0.3
        // Right first (the default), then left, then above and below, then diagonals.
        let sides: [(dx: Double, dy: Double, anchor: String)] = [
            (gap, middle, "start"), (-gap, middle, "end"),
            (0, -gap - 2, "middle"), (0, gap + fontSize * 0.8, "middle"),
            (gap * 0.7, -gap * 0.7 - 1, "start"), (gap * 0.7, gap * 0.7 + fontSize * 0.7, "start"),
            (-gap * 0.7, -gap * 0.7 - 1, "end"), (-gap * 0.7, gap * 0.7 + fontSize * 0.7, "end"),
        ]
        for shift in [0.0, 1, -1, 2, -2, 3, -3] {
            for side in sides {
                let x = point.x + side.dx
                let y = point.y + side.dy + shift * fontSize * 0.9
                let box = Self.box(text, x: x, y: y, anchor: side.anchor, fontSize: fontSize)
                if isFree(box) {
                    taken.append(box)
                    return Label(text: text, x: x, y: y, anchor: side.anchor, box: box)
                }
            }
        }
        return nil
    }

    /// A label centred on `point` or nudged around it, kept where `accepts` says (on its country).
    mutating func place(_ text: String, around point: ScreenPoint, fontSize: Double, letterSpacing: Double = 0,
                        accepts: (ScreenPoint) -> Bool) -> Label? {
        let steps: [(Double, Double)] = [(0, 0), (0, -1), (0, 1), (-1, 0), (1, 0), (0, -2), (0, 2), (-2, 0), (2, 0),
                                         (-1, -1), (1, 1), (-1, 1), (1, -1), (0, -3), (0, 3)]
        for (sx, sy) in steps {
            let x = point.x + sx * fontSize * 2
            let y = point.y + sy * fontSize * 1.2
            let box = Self.box(text, x: x, y: y, anchor: "middle", fontSize: fontSize, letterSpacing: letterSpacing)
            guard accepts(ScreenPoint(x: x, y: y - fontSize * 0.3)), isFree(box) else { continue }
            taken.append(box)
            return Label(text: text, x: x, y: y, anchor: "middle", box: box)
        }
        return nil
    }
}
