import Foundation
import SiteGen
import Testing

/// Compares a built output folder with a checked-in expected folder, file by file, in the
/// manner of swift-argument-parser's `assertSnapshot`: it records the expected folder when it
/// is missing or when `RECORD_GOLDEN=1`, and otherwise reports missing, extra and different
/// files with a line diff of the first differing ones.
public enum GoldenFiles {
    /// `RECORD_GOLDEN=1 swift test ...` rewrites the expected folders from the current output.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    }

    /// How two folders differ; paths are relative to each folder.
    public struct Comparison: Sendable, Equatable {
        /// Expected, but not in the output.
        public var missing: [String] = []
        /// In the output, but not expected.
        public var extra: [String] = []
        /// In both, with other bytes.
        public var different: [String] = []

        public var matches: Bool { missing.isEmpty && extra.isEmpty && different.isEmpty }
    }

    /// The site's files in a folder, without the manifest sitegen keeps in every output: it
    /// lists the other files, so it tells nothing a comparison of them does not.
    static func siteFiles(under folder: URL) throws -> Set<String> {
        Set(try FileTree.files(under: folder)).subtracting([OutputManifest.fileName])
    }

    public static func compare(_ actual: URL, with expected: URL) throws -> Comparison {
        let actualFiles = try siteFiles(under: actual)
        let expectedFiles = try siteFiles(under: expected)
        var comparison = Comparison()
        comparison.missing = expectedFiles.subtracting(actualFiles).sorted()
        comparison.extra = actualFiles.subtracting(expectedFiles).sorted()
        for path in actualFiles.intersection(expectedFiles).sorted() {
            let a = try Data(contentsOf: actual.appendingPathComponent(path))
            let e = try Data(contentsOf: expected.appendingPathComponent(path))
            if a != e { comparison.different.append(path) }
        }
        return comparison
    }

    /// A report a person can act on: the lists, then a diff of the first `diffs` different files.
    public static func report(_ comparison: Comparison, actual: URL, expected: URL, diffs: Int = 3) -> String {
        var lines: [String] = ["output \(actual.path) differs from \(expected.path):"]
        func list(_ title: String, _ paths: [String]) {
            guard !paths.isEmpty else { return }
            lines.append("\(title) (\(paths.count)):")
            lines += paths.map { "  \($0)" }
        }
        list("missing from the output", comparison.missing)
        list("not expected in the output", comparison.extra)
        list("different", comparison.different)
        for path in comparison.different.prefix(diffs) {
            let a = (try? Data(contentsOf: actual.appendingPathComponent(path))) ?? Data()
            let e = (try? Data(contentsOf: expected.appendingPathComponent(path))) ?? Data()
            lines.append("")
            if let aText = String(data: a, encoding: .utf8), let eText = String(data: e, encoding: .utf8) {
                lines.append(LineDiff.unified(expected: eText, actual: aText, expectedName: "expected/\(path)", actualName: "actual/\(path)"))
            } else {
                lines.append("binary files differ: \(path) (\(e.count) bytes expected, \(a.count) bytes built)")
            }
        }
        if comparison.different.count > diffs {
            lines.append("")
            lines.append("(\(comparison.different.count - diffs) more different files not shown)")
        }
        lines.append("")
        lines.append("If the change is intended, rerun with RECORD_GOLDEN=1 and review the recorded files with `git diff`.")
        return lines.joined(separator: "\n")
    }

    /// Replaces `expected` with a copy of `actual`.
    public static func record(_ actual: URL, as expected: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: expected.path) { try manager.removeItem(at: expected) }
        try manager.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: actual, to: expected)
        try? manager.removeItem(at: expected.appendingPathComponent(OutputManifest.fileName))
    }

    /// Records an issue unless `actual` holds exactly the files of `expected`, byte for byte.
    /// Records `expected` when it is missing or when recording; that also records an issue, so
    /// a run that recorded never passes by itself.
    public static func expectMatch(_ actual: URL, golden expected: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let exists = FileManager.default.fileExists(atPath: expected.path)
        if isRecording || !exists {
            try record(actual, as: expected)
            Issue.record(
                "Recorded \(exists ? "new" : "missing") golden files at \(expected.path); review them, then rerun without RECORD_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        let comparison = try compare(actual, with: expected)
        if !comparison.matches {
            Issue.record(Comment(rawValue: report(comparison, actual: actual, expected: expected)), sourceLocation: sourceLocation)
        }
    }
}

/// A line diff in the unified format (`---`/`+++`, `@@` hunks, three lines of context).
public enum LineDiff {
    public static func unified(expected: String, actual: String, expectedName: String = "expected", actualName: String = "actual",
                               context: Int = 3, maxLines: Int = 80) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(old, new)
        var output = ["--- \(expectedName)", "+++ \(actualName)"]
        // Group changes that lie within 2 * context lines of each other into one hunk.
        let changed = edits.indices.filter { edits[$0].kind != .same }
        guard !changed.isEmpty else { return (output + ["(no line differences; the files differ in bytes such as a final newline)"]).joined(separator: "\n") }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        var printed = 0
        for hunk in hunks {
            let slice = edits[hunk]
            let oldStart = (slice.first { $0.kind != .inserted }?.oldLine ?? 0)
            let newStart = (slice.first { $0.kind != .deleted }?.newLine ?? 0)
            let oldCount = slice.filter { $0.kind != .inserted }.count
            let newCount = slice.filter { $0.kind != .deleted }.count
            output.append("@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@")
            for edit in slice {
                guard printed < maxLines else {
                    output.append("... (diff cut off after \(maxLines) lines)")
                    return output.joined(separator: "\n")
                }
                switch edit.kind {
                case .same: output.append(" " + edit.text)
                case .deleted: output.append("-" + edit.text)
                case .inserted: output.append("+" + edit.text)
                }
                printed += 1
            }
        }
        return output.joined(separator: "\n")
    }

    struct Edit {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        var text: String
        /// 0-based line in the old (deleted, same) or new (inserted, same) text.
        var oldLine: Int
        var newLine: Int
    }

    /// A shortest edit script by longest common subsequence, after trimming the common ends.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, text: old[$0], oldLine: $0, newLine: $0) }
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldLine: prefix + i, newLine: prefix + j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Deletions before insertions, as diff(1) prints them.
                edits.append(Edit(kind: .deleted, text: a[i], oldLine: prefix + i, newLine: prefix + j))
                i += 1
            } else {
                edits.append(Edit(kind: .inserted, text: b[j], oldLine: prefix + i, newLine: prefix + j))
                j += 1
            }
        }
        for k in 0..<suffix {
            edits.append(Edit(kind: .same, text: old[old.count - suffix + k], oldLine: old.count - suffix + k, newLine: new.count - suffix + k))
        }
        return edits
    }
}
