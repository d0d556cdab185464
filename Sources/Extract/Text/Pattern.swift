import Foundation

/// A case-insensitive regular expression over `String`s, returning Swift ranges and groups.
/// `NSRegularExpression` because it is `Sendable`, so patterns can be static constants.
struct Pattern: Sendable {
    struct Match {
        var range: Range<String.Index>
        /// Capture groups by number (0 is the whole match); nil where a group took no part.
        var groups: [Substring?]
        var groupRanges: [Range<String.Index>?]

        subscript(_ index: Int) -> String? { groups[index].map(String.init) }
    }

    let regex: NSRegularExpression

    init(_ pattern: String, caseSensitive: Bool = false) {
        // The patterns are constants of this module: a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
    }

    func matches(in text: String) -> [Match] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let ranges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
            return Match(range: range, groups: ranges.map { $0.map { text[$0] } }, groupRanges: ranges)
        }
    }

    func firstMatch(in text: String) -> Match? { matches(in: text).first }

    func contains(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
