import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Every front-matter key of every file of the example site, changed one at a time in a
/// serve session: after each edit the incremental rebuild must be byte for byte the site a
/// fresh build makes. Page keys are fingerprints of the pages' view models, so a key the
/// matrix misses would be a field some page shows but its value does not hold.
@Suite("Edit matrix")
struct EditMatrixTests {
    static let files: [String] = {
        let content = RepositoryPaths.root.appendingPathComponent("content")
        let all = (FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String]) ?? []
        return all.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }.map { "content/" + $0 }.sorted()
    }()

    @Test func everyFileOfTheExampleIsInTheMatrix() {
        #expect(Self.files.count > 20)
        for file in Self.files {
            let text = (try? String(contentsOf: RepositoryPaths.root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(!FrontMatterEdits.edits(of: text, path: file).isEmpty, "no key of \(file) is edited")
        }
    }

    @Test(arguments: files)
    func eachKeyEditedRebuildsAsAFreshBuildWould(_ file: String) async throws {
        let session = try await IncrementalRebuildTests.Session()
        let original = try String(contentsOf: session.site.source.appendingPathComponent(file), encoding: .utf8)
        for edit in FrontMatterEdits.edits(of: original, path: file) {
            let unknown = try #require(edit.text, "the edit matrix cannot change `\(edit.key)` in \(file); teach FrontMatterEdits.changed a value for it")
            try session.site.write(file, unknown)
            try await session.rebuild()
        }
    }
}

/// One edit per front-matter key of a file: each key of a Markdown file's front matter, each
/// key of the first item of a data file and each other key where it first appears, changed
/// to another valid value, as an editor would.
enum FrontMatterEdits {
    /// `text` is nil when no rule knows how to change `key`.
    static func edits(of text: String, path: String) -> [(key: String, text: String?)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isData = path.hasSuffix(".yaml")
        var range = lines.indices
        if !isData {
            let fences = lines.indices.filter { lines[$0] == "---" }
            guard fences.count >= 2 else { return [] }
            range = (fences[0] + 1)..<fences[1]
        }
        var edits: [(key: String, text: String?)] = []
        var editedKeys = Set<String>()
        var item = 0
        for number in range {
            let line = lines[number]
            // An item starts at `- ` in a list of events, at its id in places.yaml and sources.yaml.
            if isData, line.hasPrefix("- ") || (line.first?.isLetter == true) { item += 1 }
            guard let (key, value) = keyLine(line, isData: isData), item <= 1 || !editedKeys.contains(key) else { continue }
            editedKeys.insert(key)
            edits.append((key, edit(lines, at: number, key: key, value: value)?.joined(separator: "\n")))
        }
        // A data file of `key: text` lines (tags.yaml, a tag's name for readers): the first text.
        if isData, edits.isEmpty, let number = range.first(where: { lines[$0].first?.isLetter == true && lines[$0].contains(": ") }) {
            var changedLines = lines
            changedLines[number] += " ændret"
            edits.append(("name of \(lines[number].prefix { $0 != ":" })", changedLines.joined(separator: "\n")))
        }
        return edits
    }

    /// `key: value` at the level of an item: unindented in front matter, `- key:` or `  key:` in a data file.
    private static func keyLine(_ line: String, isData: Bool) -> (key: String, value: String)? {
        var rest = line[...]
        if isData {
            guard rest.hasPrefix("- ") || (rest.hasPrefix("  ") && !rest.hasPrefix("   ")) else { return nil }
            rest = rest.dropFirst(2)
        }
        guard let colon = rest.firstIndex(of: ":"), rest.first?.isLetter == true,
              rest[..<colon].allSatisfy(\.isLetter) else { return nil }
        return (String(rest[..<colon]), rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// The lines with the value of the key at `number` changed.
    private static func edit(_ lines: [String], at number: Int, key: String, value: String) -> [String]? {
        var lines = lines
        guard value.isEmpty || value == "|" else {
            guard let changed = changed(key, value) else { return nil }
            lines[number] = lines[number].dropLast(value.count) + changed
            return lines
        }
        // A value written over the lines after `key:`: a body, a list of sources or corrections.
        let depth = { (line: String) in line.prefix { $0 == " " || $0 == "-" }.count }
        let inner = lines[(number + 1)...].prefix { !$0.isEmpty && depth($0) > depth(lines[number]) }.indices
        guard let first = inner.first else { return nil }
        switch key {
        case "body":
            lines[first] += " Et ændret afsnit."
        case "keyFacts":
            lines[first] = lines[first].hasSuffix("\"") ? lines[first].dropLast() + " ændret\"" : lines[first] + " ændret"
        case "sources", "corrections":
            let nested = key == "sources" ? "name" : "text"
            guard let line = inner.first(where: { lines[$0].contains("\(nested): ") }) else { return nil }
            let parts = lines[line].components(separatedBy: "\(nested): ")
            guard let changed = changed(nested, parts[1]) else { return nil }
            lines[line] = parts[0] + "\(nested): " + changed
        default:
            return nil
        }
        return lines
    }

    /// Another valid value for `key`.
    static func changed(_ key: String, _ value: String) -> String? {
        func list(adding item: String) -> String {
            value == "[]" ? "[\(item)]" : value.dropLast() + ", \(item)]"
        }
        switch key {
        case "title", "summary", "short", "expansion", "name", "description", "text":
            return value.hasSuffix("\"") ? value.dropLast() + " ændret\"" : value + " ændret"
        case "date":
            return shiftedDay(value, by: -1)
        case "updated", "end":
            return shiftedDay(value, by: 1)
        case "timezone":
            return value == "Asia/Almaty" ? "Asia/Aqtau" : "Asia/Almaty"
        case "place":
            return value == "almaty" ? "aktau" : "almaty"
        case "places":
            return value.contains("aktau") ? value.replacingOccurrences(of: "aktau, ", with: "").replacingOccurrences(of: ", aktau", with: "") : list(adding: "aktau")
        case "tags":
            return list(adding: "nyt-emne")
        case "sources":
            return list(adding: "Ny kilde")
        case "aliases", "forms":
            return list(adding: "rettelsesord")
        case "related":
            let items = value.dropFirst().dropLast().split(separator: ",")
            return "[" + items.dropLast().joined(separator: ",") + "]"
        case "status":
            return value == "confirmed" ? "reported" : "confirmed"
        case "key", "draft", "glossary", "autolink":
            return value == "true" ? "false" : "true"
        case "lat", "lon":
            return Double(value).map { String(format: "%.2f", $0 + 0.01) }
        case "precision":
            return value == "city" ? "region" : "city"
        case "url":
            return value.hasSuffix("/\"") ? value.dropLast() + "ny/\"" : value + "ny/"
        case "id":
            return value + "-ny"
        default:
            return nil
        }
    }

    /// `2022-01-05…` with the day moved, the rest (time, offset) kept.
    private static func shiftedDay(_ value: String, by days: Int) -> String? {
        let digits = Array(value)
        guard digits.count >= 10, let day = Int(String(digits[8..<10])) else {
            // A month (`2022-01`): the month before or after.
            guard digits.count == 7, let month = Int(String(digits[5..<7])) else { return nil }
            return String(digits[0..<5]) + String(format: "%02d", month == 1 ? 2 : month - 1)
        }
        let shifted = day + days < 1 || day + days > 28 ? day - days : day + days
        return String(digits[0..<8]) + String(format: "%02d", shifted) + String(digits[10...])
    }
}
