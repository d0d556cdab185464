/// `brand:` in site.yaml: who publishes the site, as its masthead shows it.
public struct Brand: Sendable {
    /// The newsroom's name, shown in the masthead; the site's `publisher` when not given.
    public var name: String
    /// A hex colour (`#8c1c13`) the masthead is painted in; white text stands on it.
    public var colour: String?
    /// A site path (`logo.svg`) of an image in content/ or Templates/static/, shown before the name.
    public var logo: Located<String>?

    public init(name: String, colour: String? = nil, logo: Located<String>? = nil) {
        self.name = name
        self.colour = colour
        self.logo = logo
    }

    static let keys = ["name", "colour", "logo"]

    static func decode(_ fields: inout FieldReader, publisher: String, title: String) -> Brand {
        guard var group = fields.group("brand") else { return Brand(name: publisher.isEmpty ? title : publisher) }
        defer { fields.absorb(group) }
        group.rejectUnknownKeys(keys)
        let name = group.string("name") ?? (publisher.isEmpty ? title : publisher)
        var colour: String?
        if let text = group.string("colour"), let value = group.value("colour") {
            if let hex = HexColour(text) {
                colour = hex.text
                if hex.contrastWithWhite < 4.5 {
                    group.report(.warning(value.location,
                        "white text on `\(text)` has a contrast of \(hex.contrastText):1, below the 4.5:1 readers need; choose a darker colour"))
                }
            } else {
                group.report(.error(value.location, "`colour` must be a hex colour such as `#8c1c13`"))
            }
        }
        let logo = group.string("logo").flatMap { text in
            group.value("logo").map { Located(value: text.hasPrefix("/") ? String(text.dropFirst()) : text, location: $0.location) }
        }
        return Brand(name: name, colour: colour, logo: logo)
    }

    /// The logo must be a file the site copies: one in content/ or in Templates/static/.
    func checkLogo(assets: [String], staticFiles: [String]) -> [Diagnostic] {
        guard let logo, !assets.contains("content/" + logo.value), !staticFiles.contains("Templates/static/" + logo.value) else { return [] }
        return [.error(logo.location, "no file `\(logo.value)` for the logo; put it in content/ (content/\(logo.value)) or in Templates/static/")]
    }
}

/// A colour written `#rgb` or `#rrggbb`, read so its contrast can be checked.
struct HexColour {
    let red: Double, green: Double, blue: Double

    init?(_ text: String) {
        guard text.hasPrefix("#") else { return nil }
        var digits = Array(text.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6, let value = Int(String(digits), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xff) / 255
        green = Double((value >> 8) & 0xff) / 255
        blue = Double(value & 0xff) / 255
    }

    /// Lower case with six digits, so the stylesheet always gets one form.
    var text: String {
        "#" + [red, green, blue].map { channel in
            let hex = String(Int((channel * 255).rounded()), radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// WCAG 2's relative luminance.
    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    var contrastWithWhite: Double { 1.05 / (luminance + 0.05) }

    var contrastText: String { String(format: "%.1f", contrastWithWhite) }
}

/// `newWindow:` in site.yaml: how long an event counts as new ("Nyt") before the build time.
enum NewWindow {
    static let defaultSeconds = 86_400

    /// `6h`, `90m`, `2d`, or a number of hours.
    static func decode(_ fields: inout FieldReader) -> Int {
        guard let text = fields.string("newWindow"), let value = fields.value("newWindow") else { return defaultSeconds }
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, seconds: Double)] = [("d", 86_400), ("h", 3_600), ("m", 60)]
        let unit = units.first { trimmed.hasSuffix($0.suffix) }
        let number = Double(unit.map { String(trimmed.dropLast($0.suffix.count)) } ?? trimmed)
        guard let number, number > 0, number.isFinite else {
            fields.report(.error(value.location, "`newWindow` must be a length of time such as `6h`, `90m` or `2d`"))
            return defaultSeconds
        }
        return Int(number * (unit?.seconds ?? 3_600))
    }
}

import Foundation
